"""`planlint annotate`: a copy of a Word plan with planlint's evidence and gaps as Word comments."""

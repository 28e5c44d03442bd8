#!/usr/bin/env python3
"""Skriver exempelplanen som följer med planlint.

Skriptet bygger en påhittad verksamhetsplan för 2026 från en påhittad
förvaltning i Helsingborgs stad ("Fritids- och kulturförvaltningen") och
sparar den som examples/verksamhetsplan-2026.docx. Därefter konverteras
dokumentet till PDF med LibreOffice (soffice --headless).

Allt innehåll är handskrivet och ligger som data i det här skriptet, så
resultatet blir detsamma varje gång (bortsett från PDF:ens tidsstämplar).

Täckningen av stadens målbild 2027 och inriktningar 2023–2026 är medvetet
ojämn, så att planlint har något att säga; se examples/README.md.

Körning (från repots rot):

    python examples/make_example.py            # docx + pdf
    python examples/make_example.py --no-pdf   # bara docx
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

HERE = Path(__file__).resolve().parent
DOCX_PATH = HERE / "verksamhetsplan-2026.docx"
PDF_PATH = HERE / "verksamhetsplan-2026.pdf"

ORG = "Fritids- och kulturförvaltningen"
PLAN_NAME = "Verksamhetsplan 2026"
FIXED_TIME = dt.datetime(2025, 9, 23, 9, 0, 0)
FONT = "Arial"

# ---------------------------------------------------------------------------
# Innehåll. Varje block är en tupel: (typ, data).
#   ("h1" | "h2" | "h3", rubrik)
#   ("p", stycke)
#   ("bullets", [punkter])          punkter kan vara "Fetstil: resten"
#   ("table", {...})                 header, rows, widths (cm), note
#   ("signature", [rader])
#   ("pagebreak", None)
# ---------------------------------------------------------------------------

INDICATOR_HEADER = ["Indikator", "Utfall 2024", "Målvärde 2026", "Målvärde 2027"]

CONTENT: list[tuple[str, object]] = [
    # -------------------------------------------------------------------
    ("h1", "Förvaltningschefen har ordet"),
    (
        "p",
        "Fritid och kultur är ingen bisak. Det är på biblioteket, i idrottshallen, på "
        "fritidsgården och i konsertsalen som många helsingborgare möter staden när skoldagen "
        "är slut. Där lär sig barn simma, där hittar någon ett nytt sammanhang efter flytten "
        "till Sverige och där upptäcker en pensionär att det aldrig är för sent att börja sjunga "
        "i kör. Vår förvaltning finns till för de ögonblicken, och den här planen handlar om hur "
        "vi ska skapa fler av dem.",
    ),
    (
        "p",
        "2025 blev ett år med många besökare och en stramare ekonomi. Stadsbiblioteket hade fler "
        "besök än något år sedan pandemin, Dunkers kulturhus fyllde sina utställningshallar och "
        "sommarens lovaktiviteter lockade fler barn än någonsin tidigare. Samtidigt har "
        "kostnaderna för lokaler, material och tjänster stigit snabbare än vår budgetram. Det "
        "tvingar oss att prioritera, och det är också skälet till att planen för 2026 är kortare "
        "på önskemål och längre på konkreta åtaganden än tidigare år.",
    ),
    (
        "p",
        "Vi gör tre tydliga prioriteringar. Vi ska fortsätta att pröva nya lösningar, både "
        "digitala och fysiska, men vi ska göra det snabbare och med en tydligare utvärdering. Vi "
        "ska arbeta ännu närmare föreningarna, skolorna, näringslivet och civilsamhället, "
        "eftersom ingen av oss klarar uppdraget ensam. Och vi ska rikta resurserna dit de gör "
        "störst skillnad för barns och ungas livschanser, vilket i första hand betyder "
        "Drottninghög, Dalhem, Planteringen och Söder.",
    ),
    (
        "p",
        "Vi vill också bidra till stadens klimatarbete där vi kan. Men vår viktigaste insats för "
        "helsingborgarna ligger i det vi gör varje dag: att hålla öppet, ta emot och skapa möten "
        "mellan människor som annars inte hade träffats.",
    ),
    (
        "p",
        "Jag vill tacka alla medarbetare för ett stort engagemang under året. Planen är framtagen "
        "tillsammans med er, på arbetsplatsträffar, i ledningsgruppen och i samtal med våra "
        "samarbetspartner, och det är ni som gör den verklig ute i verksamheterna.",
    ),
    ("signature", ["Helena Bergkvist", "Förvaltningschef, Fritids- och kulturförvaltningen"]),
    # -------------------------------------------------------------------
    ("h1", "Inledning"),
    (
        "p",
        "Verksamhetsplanen beskriver hur Fritids- och kulturförvaltningen ska arbeta under 2026 "
        "för att genomföra fritids- och kulturnämndens uppdrag och bidra till stadens gemensamma "
        "riktning. Planen bygger på nämndens budget, stadens styrdokument och den omvärldsanalys "
        "som förvaltningen tog fram under våren 2025 tillsammans med medarbetare, "
        "föreningsrepresentanter och ungdomsrådet.",
    ),
    (
        "p",
        "Stadens målbild 2027 säger att Helsingborg ska vara en av de bästa städerna att leva och "
        "verka i, för invånare, näringsliv och civilsamhälle. Målbilden vilar på byggstenarna "
        "innovation, samspel och livskvalitet, och tidshorisonten 2027 ger oss en gemensam "
        "hållplats på vägen mot vision Helsingborg 2035. För vår förvaltning betyder det att vi "
        "sätter mål som ska vara nådda till 2027 och att vi följer upp dem år för år, så att vi "
        "vet om vi rör oss i rätt riktning.",
    ),
    (
        "p",
        "Våra bibliotek, fritidsgårdar och idrottsplatser ska också vara trygga mötesplatser där "
        "alla känner sig välkomna.",
    ),
    ("p", "Vi har även med oss stadens ambition om ett klimatneutralt 2030 när vi planerar kommande år."),
    (
        "p",
        "Planen är uppbyggd kring tre fokusområden som hänger direkt ihop med målbilden: "
        "innovation, samspel och livskvalitet. Under varje fokusområde finns verksamhetsmål, "
        "aktiviteter och indikatorer med målvärden för 2026 och 2027. Planen gäller för hela "
        "förvaltningen och kompletteras av avdelningarnas och enheternas egna aktivitetsplaner.",
    ),
    ("h2", "Läsanvisning"),
    (
        "p",
        "Avsnitten Uppdrag och verksamhet och Omvärldsanalys beskriver vad förvaltningen gör och "
        "vilka förutsättningar som påverkar oss. Avsnittet Styrmodell förklarar hur planen hänger "
        "ihop med stadens styrning. Därefter följer förvaltningens verksamhetsmål, de aktiviteter "
        "som ska leda dit och de indikatorer som används för att följa upp målen. Planen avslutas "
        "med avsnitt om uppföljning, ekonomi, medarbetare samt risk- och väsentlighetsanalys.",
    ),
    # -------------------------------------------------------------------
    ("h1", "Uppdrag och verksamhet"),
    ("h2", "Nämndens ansvarsområde"),
    (
        "p",
        "Fritids- och kulturnämnden ansvarar för stadens bibliotek, museer och kulturverksamhet, "
        "för idrotts- och fritidsanläggningar, för fritidsgårdar och öppna mötesplatser samt för "
        "stöd till föreningslivet. Nämnden ansvarar också för Kulturskolan och den offentliga "
        "konsten och fördelar bidrag till kultur- och idrottsföreningar. Förvaltningen "
        "verkställer nämndens beslut och är ett stöd i den politiska beredningen.",
    ),
    (
        "p",
        "Uppdraget är brett och når nästan alla helsingborgare. Under 2024 gjordes drygt "
        "1,9 miljoner besök i förvaltningens verksamheter. Biblioteken lånade ut närmare "
        "900 000 medier, idrottsanläggningarna bokades över 210 000 timmar och Kulturskolan hade "
        "3 400 elever i åldrarna 6–19 år. Fritidsgårdarna tog emot omkring 160 000 besök, och "
        "museerna hade sammanlagt 540 000 besökare, varav en stor del på Fredriksdal och i "
        "Kärnan.",
    ),
    ("h2", "Organisation"),
    (
        "p",
        "Förvaltningen har omkring 520 medarbetare, vilket motsvarar cirka 440 årsarbetare, och "
        "är organiserad i fem avdelningar:",
    ),
    (
        "bullets",
        [
            "Bibliotek: Stadsbiblioteket, sju stadsdelsbibliotek, bland annat i Drottninghög, Ödåkra "
            "och Rydebäck, samt bokbussen som besöker byarna på landsbygden.",
            "Kultur och museer: Dunkers kulturhus, Kulturmagasinet, Fredriksdal museer och trädgårdar, "
            "Kärnan samt stadens offentliga konst.",
            "Idrott och anläggningar: Olympia, Helsingborg Arena, Simhallsbadet, Råå och Pålsjöbaden, "
            "idrottsplatser som Harlyckan och Ödåkra IP samt ett fyrtiotal spontanidrottsytor.",
            "Fritid och mötesplatser: nio fritidsgårdar, öppna mötesplatser för unga vuxna och "
            "seniorer, Kulturskolan och lovverksamheten.",
            "Verksamhetsstöd: ekonomi, HR, kommunikation, digitalisering och föreningsservice.",
        ],
    ),
    (
        "p",
        "Förvaltningen samarbetar också nära Sofiero slott och slottspark, där vi ansvarar för "
        "programverksamheten under sommarsäsongen, och med Helsingborgs konserthus när det gäller "
        "konserter och workshops för barn och unga.",
    ),
    ("h2", "Grunduppdrag och prioriteringar"),
    (
        "p",
        "Grunduppdraget ligger fast: att ge helsingborgarna tillgång till kultur, idrott och en "
        "meningsfull fritid, att stödja ett starkt och självständigt föreningsliv och att förvalta "
        "stadens kulturarv. Den största delen av förvaltningens resurser går till att hålla "
        "verksamheterna öppna och av god kvalitet. Verksamhetsplanen beskriver därför inte allt vi "
        "gör, utan de förändringar vi vill åstadkomma under 2026 och fram till 2027.",
    ),
    # -------------------------------------------------------------------
    ("h1", "Omvärldsanalys"),
    (
        "p",
        "Omvärldsanalysen bygger på stadens gemensamma omvärldsbevakning, på statistik från "
        "stadens ungdomsenkät och SCB samt på dialoger med föreningar, skolor och medarbetare. Här "
        "lyfter vi fram de förändringar som påverkar förvaltningen mest under planperioden.",
    ),
    ("h2", "En växande och åldrande befolkning"),
    (
        "p",
        "Helsingborg växer med omkring 1 500 invånare per år och passerade 155 000 invånare "
        "under 2025. Ökningen är störst bland barn i grundskoleåldern och bland personer över "
        "80 år. Nya bostadsområden i Södra Helsingborg, Ödåkra och Mörarp behöver tillgång till "
        "idrottsytor, bibliotek och mötesplatser, och de befintliga anläggningarna är redan hårt "
        "belastade på kvällar och helger. Samtidigt växer gruppen äldre som vill vara aktiva "
        "längre och som efterfrågar program på dagtid.",
    ),
    (
        "p",
        "Skillnaderna mellan stadsdelarna är fortsatt stora. I Drottninghög, Dalhem och "
        "Planteringen deltar betydligt färre barn i organiserad idrott och i Kulturskolan än i "
        "Tågaborg eller Rydebäck, och andelen unga som uppger att de saknar något meningsfullt "
        "att göra på fritiden är nästan dubbelt så hög. Skillnaderna påverkar barnens "
        "livschanser och är en central utgångspunkt för förvaltningens prioriteringar.",
    ),
    ("h2", "Förändrade vanor och digitalisering"),
    (
        "p",
        "Besökarnas vanor förändras snabbt. Allt fler vill boka, betala och söka information "
        "digitalt och när det passar dem, inte när receptionen har öppet. Unga hittar aktiviteter "
        "via sociala medier snarare än via stadens webbplats, och utlånen av e-böcker och "
        "e-ljudböcker fortsätter att öka. Samtidigt finns en grupp invånare som inte använder "
        "digitala tjänster alls. För dem är biblioteket ofta den plats där de får hjälp med "
        "kontakter med myndigheter, banker och vården.",
    ),
    (
        "p",
        "Artificiell intelligens, sensorer och nya bokningsplattformar ger möjligheter att "
        "använda lokalerna effektivare och att ge besökarna bättre service. Det kräver att vi har "
        "ordning på data och att nya lösningar uppfyller stadens krav på informationssäkerhet och "
        "dataskydd innan de tas i bruk.",
    ),
    ("h2", "Föreningslivets förutsättningar"),
    (
        "p",
        "Föreningslivet är förvaltningens viktigaste samarbetspartner. I Helsingborg finns "
        "omkring 420 föreningar som får stöd från nämnden. Många av dem vittnar om svårigheter "
        "att hitta ideella ledare, särskilt tränare för ungdomslag, och om stigande kostnader för "
        "resor, utrustning och hyror. Efter pandemin har medlemsantalet återhämtat sig i de "
        "flesta idrotter, men flickor slutar fortfarande tidigare än pojkar, och intresset för "
        "spontan och oorganiserad träning växer.",
    ),
    (
        "p",
        "Kulturlivet präglas av fria grupper och små aktörer med små marginaler. Studieförbunden "
        "har fått minskade statliga bidrag, vilket påverkar möjligheten att erbjuda cirklar och "
        "kurser i stadsdelarna. Det gör samarbetet med staden viktigare för dem, men det innebär "
        "också att vi inte kan räkna med att de tar ett större ansvar utan att vi bidrar.",
    ),
    ("h2", "Ekonomiska förutsättningar"),
    (
        "p",
        "Stadens ekonomi är ansträngd. Skatteintäkterna ökar långsammare än kostnaderna, och "
        "nämnden har fått en ram för 2026 som innebär ett effektiviseringskrav på 1,5 procent. "
        "Hyrorna för förvaltningens lokaler räknas upp med index och flera större anläggningar "
        "står inför renoveringar. Förvaltningen behöver därför prioritera hårdare, samnyttja "
        "lokaler och hitta nya finansieringsformer, till exempel genom externa medel och "
        "partnerskap.",
    ),
    ("h2", "Helsingborg i jämförelse"),
    (
        "p",
        "Staden följer hur Helsingborg placerar sig i nationella och internationella jämförelser. "
        "Helsingborg hamnar högt i Svenskt Näringslivs ranking av det lokala företagsklimatet, "
        "vilket gör det lättare att hitta partner och sponsorer till större evenemang. I "
        "jämförelser av livskvalitet, som Numbeo Quality of Life Index, ligger staden väl till, "
        "men de inre skillnaderna mellan stadsdelarna syns inte i sådana mätningar.",
    ),
    (
        "p",
        "Förvaltningens utvecklingsarbete utgår fortsatt från stadens målbild att Helsingborg ska "
        "vara en av Europas mest innovativa städer 2022, och vi planerar våra utvecklingsinsatser "
        "med H22 som horisont.",
    ),
    ("h2", "Slutsatser för planperioden"),
    (
        "bullets",
        [
            "Resurserna behöver riktas till de stadsdelar där deltagandet i kultur och idrott är lägst.",
            "Digitala tjänster ska vara förstahandsvalet för bokning och bidrag, men biblioteken "
            "behöver samtidigt kunna ge stöd till dem som står utanför det digitala.",
            "Samverkan med föreningar och civilsamhälle blir ännu viktigare när de ideella krafterna "
            "är hårt ansträngda.",
            "Nya lösningar måste prövas i liten skala och utvärderas innan de införs brett, så att vi "
            "använder pengarna klokt.",
            "Anläggningarna behöver användas fler timmar per vecka innan vi bygger nytt.",
        ],
    ),
    # -------------------------------------------------------------------
    ("h1", "Styrmodell"),
    (
        "p",
        "Helsingborgs stads styrmodell utgår från vision Helsingborg 2035: den skapande, "
        "pulserande, gemensamma, globala och balanserade staden. Visionen är långsiktig och "
        "beskriver vart staden är på väg. Målbilden är en hållplats på vägen dit, och de politiska "
        "inriktningarna för mandatperioden 2023–2026 pekar ut vad som ska prioriteras. "
        "Kommunfullmäktiges budget anger ramar och uppdrag för nämnderna.",
    ),
    (
        "p",
        "Fritids- och kulturnämnden bryter ner inriktningarna i nämndmål. Förvaltningen omsätter "
        "nämndmålen i verksamhetsmål, aktiviteter och indikatorer. Varje avdelning och enhet tar "
        "därefter fram en egen aktivitetsplan som beskriver vad medarbetarna ska göra och hur det "
        "ska följas upp. Tanken är att det ska gå att följa tråden från visionen ända ut till "
        "besökaren på biblioteket eller i simhallen. Styrkedjan ser ut så här:",
    ),
    (
        "bullets",
        [
            "Vision Helsingborg 2035: stadens långsiktiga riktning.",
            "Målbilden och stadens inriktningar 2023–2026: det som ska prägla mandatperioden.",
            "Nämndmål: fritids- och kulturnämndens prioriteringar i budget 2026.",
            "Verksamhetsmål: förvaltningens konkreta mål, med målvärden för 2026 och 2027.",
            "Aktiviteter: det vi gör under året för att nå målen.",
            "Indikatorer: de mått vi följer för att se om vi rör oss åt rätt håll.",
        ],
    ),
    (
        "p",
        "Förvaltningen har valt att samla sina verksamhetsmål i tre fokusområden: innovation, "
        "samspel och livskvalitet. Fokusområdena speglar målbildens byggstenar och de delar av "
        "stadens inriktningar där förvaltningens uppdrag gör störst skillnad. Nämndmålen för 2026 "
        "är:",
    ),
    (
        "bullets",
        [
            "Fler helsingborgare ska ta del av kultur, idrott och fritid, oavsett var i staden de bor.",
            "Nämndens verksamheter ska utvecklas genom nya arbetssätt och digitala lösningar som gör "
            "det enklare för invånare och föreningar.",
            "Föreningsliv, civilsamhälle och näringsliv ska vara delaktiga i att utveckla stadens "
            "kultur- och fritidsutbud.",
        ],
    ),
    (
        "p",
        "Styrningen bygger på tillit. Mål och ramar ska vara tydliga, men medarbetare och chefer "
        "som arbetar nära besökarna har mandat att välja hur målen ska nås. Uppföljningen ska i "
        "första hand ge lärande och underlag för beslut, inte bara kontroll. Förvaltningens "
        "ledningsgrupp ansvarar för att verksamhetsplanen hålls samman och för att avdelningarnas "
        "aktivitetsplaner pekar åt samma håll.",
    ),
    # -------------------------------------------------------------------
    ("h1", "Mål och inriktningar"),
    (
        "p",
        "Här beskrivs förvaltningens verksamhetsmål för 2026 inom de tre fokusområdena. Målen är "
        "formulerade så att de går att följa upp, och flera av dem har målvärden som ska vara "
        "nådda till 2027. De indikatorer som hör till varje mål finns samlade i avsnittet "
        "Indikatorer, och aktiviteterna i avsnittet Aktiviteter och handlingsplan.",
    ),
    ("h2", "Innovation – nya sätt att möta helsingborgarna"),
    (
        "p",
        "Innovation är för oss ett medel och inte ett mål i sig. Det handlar om att hitta bättre "
        "sätt att ge service, att använda lokaler och resurser smartare och att pröva idéer som "
        "kan göra skillnad för besökarna. H22-satsningen är avslutad, men erfarenheterna från "
        "stadsmässan och de innovationsprojekt som förvaltningen drev då är en grund som dagens "
        "arbete bygger vidare på. Skillnaden nu är att vi vill gå snabbare från pilot till "
        "ordinarie verksamhet och att vi vill våga avsluta det som inte fungerar.",
    ),
    (
        "p",
        "Under 2025 prövade förvaltningen meröppet bibliotek i Ödåkra, sensorer som mäter "
        "beläggningen i två idrottshallar och en chattfunktion för föreningsfrågor. Resultaten "
        "var blandade. Meröppet blev en succé med många nya besökare på kvällstid, medan "
        "chattfunktionen användes betydligt mindre än väntat och har avslutats. Båda "
        "erfarenheterna tar vi med oss in i 2026.",
    ),
    ("h3", "Verksamhetsmål för innovation"),
    (
        "bullets",
        [
            "Andelen ärenden inom föreningsbidrag och lokalbokning som invånare och föreningar kan "
            "sköta helt digitalt ska vara minst 80 % år 2026 och minst 90 % år 2027.",
            "Antalet innovationspiloter som genomförs i förvaltningens testbädd ska öka till minst sex "
            "per år till 2027.",
            "Minst 75 % av de genomförda piloterna ska ha utvärderats och fått ett beslut om att "
            "införas, justeras eller avslutas inom sex månader.",
            "Besökarnas nöjdhet med förvaltningens digitala tjänster ska öka.",
        ],
    ),
    (
        "p",
        "Målen innebär att vi behöver bli bättre på att mäta effekter. En pilot räknas som "
        "lyckad när den leder till ett välgrundat beslut, även om beslutet är att avsluta den. "
        "Piloterna ska så långt det går utformas tillsammans med dem som ska använda lösningen.",
    ),
    ("h2", "Samspel – tillsammans med staden"),
    (
        "p",
        "Förvaltningens uppdrag går inte att genomföra på egen hand. Föreningarna driver "
        "merparten av all idrott för barn och unga, skolorna är vår viktigaste väg för att nå "
        "alla barn med kultur, och näringslivet är en nödvändig partner för stora evenemang och "
        "för nya lösningar. Civilsamhällets organisationer når grupper som staden själv har svårt "
        "att nå. Samspel handlar också om hur vi arbetar inom staden, mellan avdelningar och över "
        "förvaltnings- och bolagsgränser.",
    ),
    (
        "p",
        "Under 2025 tecknade förvaltningen sitt första idéburna offentliga partnerskap (IOP) med "
        "tre föreningar i Drottninghög om lovverksamhet för barn i åldrarna 10–15 år. "
        "Erfarenheterna är goda, och nämnden har gett förvaltningen i uppdrag att pröva modellen i "
        "fler stadsdelar.",
    ),
    ("h3", "Verksamhetsmål för samspel"),
    (
        "bullets",
        [
            "Antalet föreningar och organisationer som förvaltningen har en skriftlig "
            "samverkansöverenskommelse eller ett IOP med ska öka från 14 till minst 25 till 2027.",
            "Andelen föreningar som är nöjda med förvaltningens samverkan och service ska vara minst 80 % år 2027.",
            "Alla grundskoleklasser i staden ska varje läsår ta del av minst en kulturaktivitet som "
            "förvaltningen genomför tillsammans med skolan.",
            "Antalet aktiviteter som genomförs tillsammans med civilsamhälle och näringsliv ska öka "
            "till minst 130 per år till 2027.",
        ],
    ),
    (
        "p",
        "Med samverkansöverenskommelse menar vi en skriftlig överenskommelse om gemensamma mål, "
        "roller och uppföljning. Vanliga hyresavtal och bidragsbeslut räknas inte. Målet om "
        "nöjdhet följs upp i den årliga föreningsenkäten.",
    ),
    ("h2", "Livskvalitet – en meningsfull fritid för alla"),
    (
        "p",
        "Livskvalitet är kärnan i förvaltningens uppdrag. Vi utgår från stadens definition: att "
        "alla ska ha lika möjligheter att leva ett gott liv, att må bra hela livet och att kunna "
        "delta och påverka. En meningsfull fritid, gemenskap och kulturupplevelser har stor "
        "betydelse för människors välmående, och skillnaderna i deltagande mellan stadsdelar och "
        "grupper påverkar barns livschanser långt in i vuxenlivet.",
    ),
    (
        "p",
        "Förvaltningen ska därför prioritera barn och unga i de stadsdelar där deltagandet är "
        "lägst, flickor och unga med funktionsnedsättning samt äldre som riskerar ofrivillig "
        "ensamhet. Jämlika livschanser är inte något vi når med en enskild insats, utan genom att "
        "de ordinarie verksamheterna finns där behoven är störst.",
    ),
    ("h3", "Verksamhetsmål för livskvalitet"),
    (
        "bullets",
        [
            "Andelen unga 13–19 år som uppger att de har en meningsfull fritid ska vara minst 80 % år 2027.",
            "Skillnaden mellan stadsdelar i andelen barn som deltar i Kulturskolan ska minska till "
            "högst 6 procentenheter till 2027.",
            "Antalet deltagartillfällen i avgiftsfria lovaktiviteter ska öka till minst 45 000 år 2027.",
            "Andelen flickor bland deltagarna i föreningslivets idrottsaktiviteter ska öka.",
            "Andelen besökare över 65 år som uppger att förvaltningens aktiviteter bidrar till att de "
            "mår bra ska vara minst 80 % år 2027.",
        ],
    ),
    (
        "p",
        "Målen om deltagande följs upp per stadsdel, ålder och kön, så att vi kan se om "
        "insatserna når dem som behöver dem mest och inte bara dem som redan är aktiva.",
    ),
    # -------------------------------------------------------------------
    ("h1", "Aktiviteter och handlingsplan"),
    (
        "p",
        "Handlingsplanen beskriver de viktigaste aktiviteterna under 2026. Varje aktivitet är "
        "kopplad till ett eller flera verksamhetsmål och har en ansvarig avdelning. Utöver dessa "
        "tar avdelningarna fram egna aktivitetsplaner för det löpande utvecklingsarbetet.",
    ),
    ("h2", "Aktiviteter för innovation"),
    (
        "bullets",
        [
            "Testbädden Fritidslabbet: Vi etablerar en testbädd för nya lösningar i Dunkers kulturhus "
            "och på två fritidsgårdar, där besökare, föreningar och företag kan pröva idéer tillsammans "
            "med medarbetare. Testbädden öppnar i mars 2026 och tar emot förslag två gånger per år. "
            "Ansvar: Verksamhetsstöd i samarbete med stadens innovationsenhet.",
            "Meröppna bibliotek: Efter piloten i Ödåkra införs meröppet på Rydebäcks och Drottninghögs "
            "bibliotek under hösten 2026, så att besökarna kan använda biblioteket kvällar och helger "
            "med lånekort och kod. Ansvar: Bibliotek.",
            "Digital bokning och bidragshantering: En ny e-tjänst för föreningsbidrag lanseras i "
            "februari, och all bokning av idrottshallar och samlingslokaler flyttas till stadens "
            "gemensamma bokningstjänst. Pappersblanketterna fasas ut under året, men föreningsservice "
            "finns kvar för den som behöver hjälp. Ansvar: Verksamhetsstöd.",
            "Sensorer i idrottshallar: Piloten med beläggningssensorer utvidgas från två till åtta "
            "hallar. Data används för att frigöra tider som är bokade men inte används och för att "
            "fördela tider rättvisare mellan föreningarna. Ansvar: Idrott och anläggningar.",
            "AI-stöd i bibliotekens frågetjänst: Vi prövar en AI-baserad tjänst som hjälper besökare "
            "att hitta medier och få svar på vanliga frågor dygnet runt, med tydliga regler för "
            "dataskydd och mänsklig uppföljning. Ansvar: Bibliotek.",
            "Utvärderingsmodell för piloter: Alla piloter utvärderas enligt en gemensam mall och får "
            "ett beslut inom sex månader. Ansvar: Förvaltningens ledningsgrupp.",
        ],
    ),
    ("h2", "Aktiviteter för samspel"),
    (
        "bullets",
        [
            "IOP i fler stadsdelar: Modellen från Drottninghög prövas i Dalhem och Planteringen under "
            "2026 tillsammans med lokala föreningar och studieförbund. Ansvar: Fritid och mötesplatser.",
            "Föreningsdialoger: Fyra dialogträffar per år med idrotts- och kulturföreningar, där "
            "föreningarna är med och sätter agendan. Den årliga föreningsenkäten kompletteras med "
            "djupintervjuer med ett urval föreningar. Ansvar: Verksamhetsstöd.",
            "Kulturgaranti för skolan: Tillsammans med skolförvaltningen tar vi fram en gemensam plan "
            "för att alla grundskoleklasser ska få minst en kulturaktivitet per läsår, till exempel "
            "museibesök på Fredriksdal, författarbesök på biblioteken och föreställningar på Dunkers "
            "kulturhus. Ansvar: Kultur och museer.",
            "Partnerskap med näringslivet: Vi utvecklar partnerskap med företag och besöksnäringen "
            "kring sommarprogrammet på Sofiero och i Ramlösa brunnspark samt kring Kulturnatten i "
            "september. Ansvar: Kultur och museer.",
            "Gemensam lokalplanering: Tillsammans med skolförvaltningen och fastighetsförvaltningen "
            "kartlägger vi hur skolornas idrottshallar och aulor kan användas av föreningar kvällar och "
            "helger. Ansvar: Idrott och anläggningar.",
            "Ledarakademi för föreningar: Tillsammans med RF-SISU Skåne erbjuder vi utbildning för "
            "ideella ledare, med särskilt fokus på hur föreningarna kan behålla flickor i idrotten. "
            "Ansvar: Idrott och anläggningar.",
            "Samspel inom staden: Förvaltningen deltar i stadens gemensamma arbete med barns och ungas "
            "uppväxtvillkor tillsammans med skolförvaltningen och socialförvaltningen, bland annat "
            "genom gemensam planering av lovverksamheten. Ansvar: Fritid och mötesplatser.",
        ],
    ),
    ("h2", "Aktiviteter för livskvalitet"),
    (
        "bullets",
        [
            "Avgiftsfria lovaktiviteter: Sommar-, höst- och sportlovsprogrammet byggs ut med fokus på "
            "Drottninghög, Dalhem, Planteringen och Söder. Minst hälften av aktiviteterna genomförs av "
            "föreningar. Ansvar: Fritid och mötesplatser.",
            "Fritidsbanken: En andra Fritidsbank öppnar i Ödåkra, så att barn och vuxna kan låna "
            "sport- och fritidsutrustning gratis. Ansvar: Fritid och mötesplatser.",
            "Kulturskolan i stadsdelarna: Kulturskolan startar kostnadsfria prova-på-grupper i "
            "Drottninghög och Dalhem och undervisar i skolornas lokaler direkt efter skoldagen, så att "
            "fler barn kan delta utan skjuts. Ansvar: Fritid och mötesplatser.",
            "Spontanidrott och aktivitetsytor: Två nya aktivitetsytor anläggs, i Mörarp och vid "
            "Planteringens fritidsgård, och utformas tillsammans med unga. Ansvar: Idrott och "
            "anläggningar.",
            "Aktiva seniorer: Biblioteken, Fredriksdal och Simhallsbadet erbjuder program på dagtid för "
            "seniorer, bland annat vattengympa, läsecirklar och trädgårdsträffar. Programmet tas fram "
            "tillsammans med pensionärsorganisationerna. Ansvar: Bibliotek samt Idrott och "
            "anläggningar.",
            "Fritid för alla: Vi utökar utbudet av anpassade aktiviteter för barn och unga med "
            "funktionsnedsättning, till exempel anpassad simundervisning och öppna ateljéer på Dunkers "
            "kulturhus. Ansvar: Kultur och museer samt Idrott och anläggningar.",
            "Ungas inflytande: Ungdomsrådet och fritidsgårdarnas besöksråd får en egen budget för "
            "aktiviteter och är med när nya aktivitetsytor planeras. Ansvar: Fritid och mötesplatser.",
        ],
    ),
    ("h2", "Tidplan för prioriterade aktiviteter"),
    (
        "table",
        {
            "header": ["Aktivitet", "Fokusområde", "Ansvarig avdelning", "Klart"],
            "rows": [
                ["Ny e-tjänst för föreningsbidrag", "Innovation", "Verksamhetsstöd", "Februari 2026"],
                ["Testbädden Fritidslabbet öppnar", "Innovation", "Verksamhetsstöd", "Mars 2026"],
                ["Sensorer i åtta idrottshallar", "Innovation", "Idrott och anläggningar", "Juni 2026"],
                ["Meröppet i Rydebäck och Drottninghög", "Innovation", "Bibliotek", "Oktober 2026"],
                ["IOP i Dalhem och Planteringen", "Samspel", "Fritid och mötesplatser", "Maj 2026"],
                ["Gemensam plan för kulturgaranti", "Samspel", "Kultur och museer", "Augusti 2026"],
                ["Kartläggning av skolornas lokaler", "Samspel", "Idrott och anläggningar", "November 2026"],
                ["Fritidsbanken i Ödåkra öppnar", "Livskvalitet", "Fritid och mötesplatser", "April 2026"],
                ["Kulturskolans prova-på-grupper", "Livskvalitet", "Fritid och mötesplatser", "Augusti 2026"],
                ["Aktivitetsytor Mörarp och Planteringen", "Livskvalitet", "Idrott och anläggningar", "September 2026"],
            ],
            "widths": [6.4, 2.8, 4.2, 2.6],
            "align_right_from": 99,
        },
    ),
    # -------------------------------------------------------------------
    ("h1", "Indikatorer"),
    (
        "p",
        "Indikatorerna visar om förvaltningen rör sig mot verksamhetsmålen. Utfall 2024 är det "
        "senaste helårsvärdet. Målvärdena för 2026 och 2027 har beslutats av nämnden i samband med "
        "budgeten. För indikatorer som är nya saknas utfall, och där fastställs målvärdet för "
        "2026 efter den första mätningen. Indikatorerna redovisas uppdelade på kön och stadsdel "
        "där det är möjligt.",
    ),
    ("h2", "Indikatorer för innovation"),
    (
        "table",
        {
            "header": INDICATOR_HEADER,
            "rows": [
                [
                    "Andel ärenden inom föreningsbidrag och lokalbokning som kan skötas helt digitalt (%)",
                    "62",
                    "Minst 80",
                    "Minst 90",
                ],
                ["Antal genomförda innovationspiloter i testbädden per år", "3", "Minst 5", "Minst 6"],
                [
                    "Andel piloter med beslut om införande, justering eller avslut inom sex månader (%)",
                    "50",
                    "Minst 75",
                    "Minst 90",
                ],
                ["Antal besök i meröppna bibliotek utanför bemannad tid", "41 000", "60 000", "75 000"],
                ["Nöjd kundindex för förvaltningens digitala tjänster (skala 0–100)", "68", "Minst 72", "Minst 75"],
            ],
            "widths": [7.9, 2.7, 2.7, 2.7],
            "note": "Källa: förvaltningens ärendesystem, stadens bokningstjänst, bibliotekens "
            "passersystem och stadens servicemätning.",
        },
    ),
    ("h2", "Indikatorer för samspel"),
    (
        "table",
        {
            "header": INDICATOR_HEADER,
            "rows": [
                [
                    "Antal föreningar och organisationer med samverkansöverenskommelse eller IOP",
                    "14",
                    "Minst 20",
                    "Minst 25",
                ],
                [
                    "Andel föreningar som är nöjda med förvaltningens samverkan och service (%)",
                    "71",
                    "Minst 76",
                    "Minst 80",
                ],
                [
                    "Andel grundskoleklasser som tagit del av minst en kulturaktivitet under läsåret (%)",
                    "83",
                    "Minst 95",
                    "100",
                ],
                [
                    "Antal aktiviteter som genomförts tillsammans med civilsamhälle och näringsliv",
                    "85",
                    "Minst 110",
                    "Minst 130",
                ],
                ["Antal bokade timmar i skolornas lokaler för föreningsverksamhet", "18 500", "21 000", "24 000"],
            ],
            "widths": [7.9, 2.7, 2.7, 2.7],
            "note": "Källa: förvaltningens avtalsregister, föreningsenkäten, skolornas "
            "kulturrapportering och stadens bokningstjänst.",
        },
    ),
    ("h2", "Indikatorer för livskvalitet"),
    (
        "table",
        {
            "header": INDICATOR_HEADER,
            "rows": [
                ["Andel unga 13–19 år som uppger att de har en meningsfull fritid (%)", "72", "Minst 76", "Minst 80"],
                [
                    "Skillnad mellan stadsdelar i andel barn som deltar i Kulturskolan (procentenheter)",
                    "11",
                    "Max 8",
                    "Max 6",
                ],
                ["Antal deltagartillfällen i avgiftsfria lovaktiviteter", "38 500", "42 000", "Minst 45 000"],
                ["Andel flickor bland deltagartillfällena i föreningslivets idrott (%)", "37", "Minst 40", "Minst 42"],
                ["Antal utlån via Fritidsbanken", "9 800", "12 000", "14 000"],
                [
                    "Andel besökare över 65 år som uppger att aktiviteterna bidrar till att de mår bra (%)",
                    "Ny",
                    "Minst 75",
                    "Minst 80",
                ],
            ],
            "widths": [7.9, 2.7, 2.7, 2.7],
            "note": "Källa: stadens ungdomsenkät, Kulturskolans elevregister, deltagarregistrering "
            "under loven, LOK-stödsredovisning, Fritidsbanken och förvaltningens besöksenkät.",
        },
    ),
    (
        "p",
        "Indikatorn om meningsfull fritid mäts vartannat år i stadens ungdomsenkät. Under "
        "mellanåren följer vi i stället upp fritidsgårdarnas egna besöksenkäter, som ger en "
        "indikation på utvecklingen men inte är helt jämförbara.",
    ),
    # -------------------------------------------------------------------
    ("h1", "Uppföljning"),
    (
        "p",
        "Verksamhetsplanen följs upp tre gånger per år: i delårsrapporten per april, i "
        "delårsrapporten per augusti och i årsredovisningen. I varje uppföljning bedöms "
        "verksamhetsmålen med en av tre statusnivåer:",
    ),
    (
        "bullets",
        [
            "Når målet: indikatorerna ligger på eller över målvärdet och aktiviteterna genomförs enligt plan.",
            "Når delvis målet: utvecklingen går åt rätt håll men målvärdet är inte nått, eller någon "
            "aktivitet är försenad.",
            "Når inte målet: indikatorerna visar ingen förbättring eller aktiviteterna har inte genomförts.",
        ],
    ),
    (
        "p",
        "Bedömningen bygger på indikatorerna, men också på en kvalitativ analys av aktiviteterna "
        "och av vad besökare och samarbetspartner säger. Förvaltningens ledningsgrupp går igenom "
        "mål och aktiviteter varje månad, och avvikelser rapporteras till nämnden tillsammans med "
        "förslag på åtgärder.",
    ),
    ("h2", "Intern kontroll"),
    (
        "p",
        "Nämnden antar en internkontrollplan för 2026 utifrån risk- och väsentlighetsanalysen. "
        "Kontrollmomenten gäller bland annat att föreningsbidrag betalas ut enligt regelverket, att "
        "avtal följs vid inköp och att behörigheter i de nya digitala systemen hanteras korrekt. "
        "Resultatet av kontrollerna redovisas för nämnden i samband med årsredovisningen.",
    ),
    ("h2", "Lärande och utvärdering"),
    (
        "p",
        "Vi vill att uppföljningen ska leda till lärande. Därför genomför vi två fördjupade "
        "utvärderingar under 2026: en av de meröppna biblioteken och en av IOP-modellen i "
        "Drottninghög. Utvärderingarna görs tillsammans med forskare vid Campus Helsingborg, och "
        "resultaten redovisas för nämnden under hösten.",
    ),
    # -------------------------------------------------------------------
    ("h1", "Ekonomi"),
    (
        "p",
        "Fritids- och kulturnämndens budgetram för 2026 är 612,4 miljoner kronor, en ökning med "
        "2,1 procent jämfört med 2025. Ökningen täcker inte fullt ut löne- och prisökningarna, "
        "vilket innebär att förvaltningen behöver effektivisera motsvarande cirka 9 miljoner "
        "kronor. Planåren 2027 och 2028 bygger på stadens preliminära ramar och kommer att "
        "justeras i kommande budgetprocess.",
    ),
    ("h2", "Driftbudget"),
    (
        "table",
        {
            "header": ["Driftbudget (mnkr)", "Bokslut 2024", "Budget 2025", "Budget 2026", "Plan 2027"],
            "rows": [
                ["Intäkter", "118,6", "121,0", "126,5", "129,0"],
                ["Personalkostnader", "-298,4", "-309,7", "-316,2", "-322,5"],
                ["Lokalkostnader", "-214,9", "-222,3", "-229,8", "-236,1"],
                ["Bidrag till föreningar", "-86,2", "-88,0", "-89,5", "-89,5"],
                ["Övriga kostnader", "-81,7", "-80,5", "-78,4", "-78,0"],
                ["Kapitalkostnader", "-21,3", "-20,4", "-25,0", "-27,6"],
                ["Nettokostnad", "-583,9", "-599,9", "-612,4", "-624,7"],
                ["Kommunbidrag", "585,2", "599,9", "612,4", "624,7"],
                ["Resultat", "1,3", "0,0", "0,0", "0,0"],
            ],
            "widths": [5.6, 2.6, 2.6, 2.6, 2.6],
            "bold_rows": [6, 8],
            "note": "Beloppen anges i miljoner kronor. Plan 2027 är en preliminär ram och inte ett mål.",
        },
    ),
    ("p", "För att klara ramen genomför förvaltningen följande åtgärder under 2026:"),
    (
        "bullets",
        [
            "Biblioteket och fritidsgården i Drottninghög flyttar in i gemensamma lokaler, vilket "
            "minskar hyran och ger längre öppettider.",
            "Öppettiderna i anläggningarna ses över utifrån besöksdata, så att personalen finns där besökarna är.",
            "Den digitala bidragshanteringen minskar administrationen motsvarande två årsarbetare, som "
            "i stället används i föreningsservice och i stadsdelarna.",
            "Intäkterna från uthyrning och partnerskap ska öka med 3 miljoner kronor, bland annat genom "
            "fler externa arrangemang i Helsingborg Arena.",
            "Inköp samordnas med stadens gemensamma ramavtal.",
        ],
    ),
    ("h2", "Investeringsbudget"),
    (
        "table",
        {
            "header": ["Investeringsprojekt (mnkr)", "Budget 2026", "Plan 2027", "Plan 2028"],
            "rows": [
                ["Upprustning av Simhallsbadet, etapp 2", "18,0", "22,5", "4,0"],
                ["Ny konstgräsplan, Ödåkra IP", "9,5", "0,0", "0,0"],
                ["Skyfallsåtgärder och klimatanpassning, Harlyckans idrottsplats", "6,2", "3,8", "0,0"],
                ["Aktivitetsytor i Mörarp och vid Planteringen", "4,4", "0,0", "2,0"],
                ["Meröppna bibliotek, teknik och inredning", "2,1", "1,0", "0,5"],
                ["Sensorer och bokningsteknik för testbädden", "1,6", "0,8", "0,8"],
                ["Inventarier, konst och utrustning", "5,0", "5,0", "5,0"],
                ["Summa investeringar", "46,8", "33,1", "12,3"],
            ],
            "widths": [8.6, 2.4, 2.4, 2.6],
            "bold_rows": [7],
            "note": "Investeringarna beslutas av kommunfullmäktige. Planåren är preliminära.",
        },
    ),
    (
        "p",
        "Investeringen vid Harlyckan är en klimatanpassningsåtgärd. Vid skyfallen sommaren 2024 "
        "översvämmades två planer och omklädningsrummen, och anläggningen var stängd i tre "
        "veckor. Åtgärderna ska leda bort vattnet från planerna och byggnaderna vid kraftiga regn "
        "och görs i samarbete med NSVA.",
    ),
    ("h2", "Ekonomiska risker"),
    (
        "p",
        "De största ekonomiska riskerna är att hyreshöjningarna blir större än beräknat och att "
        "upprustningen av Simhallsbadet fördyras. Förvaltningen följer ekonomin månadsvis och har "
        "en prioriteringslista med åtgärder som kan sättas in om prognosen visar underskott.",
    ),
    # -------------------------------------------------------------------
    ("h1", "Medarbetare – attraktiv arbetsgivare"),
    (
        "p",
        "Förvaltningens medarbetare är vår viktigaste resurs. Bibliotekarier, badmästare, "
        "fritidsledare, pedagoger, vaktmästare och antikvarier möter helsingborgarna varje dag, och "
        "deras kompetens och engagemang avgör kvaliteten i det vi erbjuder. Att vara en attraktiv "
        "arbetsgivare är därför en förutsättning för att nå verksamhetsmålen.",
    ),
    ("h2", "Kompetensförsörjning och rekrytering"),
    (
        "p",
        "Flera av förvaltningens yrkesgrupper är svåra att rekrytera. Det gäller särskilt "
        "bibliotekarier, badmästare och simlärare samt medarbetare med kompetens inom "
        "digitalisering och dataanalys. Under de kommande fem åren går omkring 60 medarbetare i "
        "pension. Vårt arbete med kompetensförsörjning utgår därför från en plan som ses över "
        "varje år och som innehåller följande delar:",
    ),
    (
        "bullets",
        [
            "Vi rekryterar med tydliga kravprofiler och kompetensbaserade intervjuer och vill få fler "
            "sökande med olika bakgrund till våra tjänster.",
            "Vi utbildar själva nya badmästare och simlärare i en intern utbildning som startar varje vår.",
            "Vi använder stadens gemensamma arbetsgivarvarumärke i annonser och i sociala medier.",
            "Vi erbjuder intern rörlighet och möjlighet att pröva andra uppdrag inom förvaltningen.",
            "Vi tar tillvara erfarna medarbetares kunskap genom mentorskap innan de går i pension.",
        ],
    ),
    ("h2", "Arbetsmiljö och hälsa"),
    (
        "p",
        "Vårt arbete med arbetsmiljön bedrivs systematiskt och tillsammans med skyddsombuden. "
        "Medarbetarenkäten 2025 visar ett gott arbetsklimat och ett högt engagemang, men också "
        "att många i verksamheter med kvälls- och helgtjänstgöring upplever hög arbetsbelastning. "
        "Sjukfrånvaron har minskat men är fortfarande högre än stadens genomsnitt, främst inom "
        "idrott och anläggningar.",
    ),
    (
        "bullets",
        [
            "Varje arbetsplats tar fram en handlingsplan utifrån medarbetarenkäten, med särskilt fokus "
            "på arbetsbelastning och schemaläggning.",
            "Chefer i verksamheter med många kvällspass får stöd från HR för att planera bemanningen.",
            "Friskvårdsbidraget och tillgången till förvaltningens egna anläggningar marknadsförs "
            "bättre till medarbetarna.",
            "Rehabiliteringsarbetet följs upp kvartalsvis i ledningsgruppen.",
        ],
    ),
    ("h2", "Ledarskap och delaktighet"),
    (
        "p",
        "Chefer ska ha rimliga förutsättningar att leda. Förvaltningen ser över chefernas "
        "uppdrag och antal medarbetare, och alla nya chefer går stadens introduktionsprogram för "
        "ledare. Medarbetarna ska vara delaktiga i att ta fram avdelningarnas aktivitetsplaner, "
        "och verksamhetsplanen gås igenom på arbetsplatsträffar i början av året.",
    ),
    (
        "table",
        {
            "header": INDICATOR_HEADER,
            "rows": [
                ["Hållbart medarbetarengagemang (HME), index", "79", "Minst 80", "Minst 81"],
                ["Sjukfrånvaro (%)", "6,1", "Max 5,5", "Max 5,0"],
                ["Andel tjänster som tillsätts vid första annonseringen (%)", "78", "Minst 85", "Minst 90"],
                ["Andel chefer med högst 30 medarbetare (%)", "82", "Minst 90", "100"],
            ],
            "widths": [7.9, 2.7, 2.7, 2.7],
            "note": "Källa: stadens medarbetarenkät, personalsystemet och rekryteringssystemet.",
        },
    ),
    # -------------------------------------------------------------------
    ("h1", "Risk- och väsentlighetsanalys"),
    (
        "p",
        "Förvaltningen har genomfört en risk- och väsentlighetsanalys för 2026 tillsammans med "
        "avdelningscheferna. Riskerna har bedömts utifrån sannolikhet och konsekvens på en skala "
        "från 1 till 4, och riskvärdet är produkten av de två. Risker med ett riskvärde på 9 eller "
        "högre hanteras i internkontrollplanen eller genom särskilda åtgärder.",
    ),
    (
        "table",
        {
            "header": ["Risk", "Sannolikhet", "Konsekvens", "Riskvärde", "Åtgärd"],
            "rows": [
                [
                    "Brister i informationssäkerheten när nya digitala tjänster och sensorer införs",
                    "3",
                    "4",
                    "12",
                    "Informationsklassning och riskanalys före varje införande; granskning av stadens "
                    "it-säkerhetsfunktion",
                ],
                [
                    "Skyfall skadar idrottsanläggningar och kulturhistoriska miljöer",
                    "3",
                    "3",
                    "9",
                    "Klimatanpassning av Harlyckan; översyn av skyfallsrisker vid Fredriksdal och Olympia",
                ],
                [
                    "Svårt att rekrytera bibliotekarier, badmästare och digital kompetens",
                    "3",
                    "3",
                    "9",
                    "Kompetensförsörjningsplan; intern utbildning av badmästare",
                ],
                [
                    "Kostnaderna för lokaler och drift överstiger budgetramen",
                    "3",
                    "3",
                    "9",
                    "Månatlig ekonomisk uppföljning; prioriteringslista; samnyttjande av lokaler",
                ],
                [
                    "Minskat ideellt engagemang försvagar föreningslivet",
                    "2",
                    "4",
                    "8",
                    "Ledarakademi; förenklad bidragshantering; fler IOP",
                ],
                [
                    "Piloter fastnar i pilotfas och skalas aldrig upp",
                    "2",
                    "3",
                    "6",
                    "Gemensam utvärderingsmodell med beslut inom sex månader",
                ],
                ["Felaktiga utbetalningar av föreningsbidrag", "2", "3", "6", "Kontrollmoment i internkontrollplanen"],
            ],
            "widths": [4.4, 2.3, 2.3, 2.0, 5.0],
            "align_right_from": 1,
            "align_right_to": 3,
            "note": "Skala 1–4 för sannolikhet och konsekvens. Riskvärde = sannolikhet × konsekvens.",
        },
    ),
    (
        "p",
        "Den största risken för 2026 gäller informationssäkerheten. Förvaltningen inför flera nya "
        "digitala tjänster samtidigt, och en del av dem hanterar personuppgifter om barn. Därför "
        "genomförs en informationsklassning och en riskanalys innan varje tjänst tas i bruk, och "
        "leverantörsavtalen granskas av stadens dataskyddsombud.",
    ),
    (
        "p",
        "Skyfallsrisken har ökat i betydelse efter sommaren 2024. Utöver investeringen vid "
        "Harlyckan gör förvaltningen en översyn av vilka anläggningar och samlingar som ligger i "
        "lågpunkter, bland annat magasinen på Fredriksdal. Översynen görs tillsammans med "
        "stadsbyggnadsförvaltningen och ska vara klar i juni 2026.",
    ),
    (
        "p",
        "Risken att inte kunna rekrytera nyckelkompetens hanteras i kompetensförsörjningsplanen. "
        "Om badmästartjänsterna inte kan tillsättas kan öppettiderna på Simhallsbadet och "
        "utomhusbaden behöva begränsas under sommaren, vilket i så fall beslutas av "
        "förvaltningschefen och meddelas nämnden.",
    ),
]


# ---------------------------------------------------------------------------
# Hjälpfunktioner för formatering
# ---------------------------------------------------------------------------


def set_cell_shading(cell, hex_fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), hex_fill)
    tc_pr.append(shd)


def mark_header_row(row) -> None:
    """Upprepa rubrikraden på varje sida och låt den inte delas."""
    tr_pr = row._tr.get_or_add_trPr()
    hdr = OxmlElement("w:tblHeader")
    hdr.set(qn("w:val"), "true")
    tr_pr.append(hdr)


def keep_row_together(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    cant = OxmlElement("w:cantSplit")
    cant.set(qn("w:val"), "true")
    tr_pr.append(cant)


def set_column_widths(table, widths_cm) -> None:
    """Sätt kolumnbredder både i tblGrid och i cellerna (LibreOffice läser tblGrid)."""
    twips = [int(round(Cm(w).emu / 635)) for w in widths_cm]
    tbl = table._tbl
    for grid_col, w in zip(tbl.tblGrid.findall(qn("w:gridCol")), twips):
        grid_col.set(qn("w:w"), str(w))
    tbl_pr = tbl.tblPr
    tbl_w = tbl_pr.find(qn("w:tblW"))
    if tbl_w is None:
        tbl_w = OxmlElement("w:tblW")
        tbl_pr.append(tbl_w)
    tbl_w.set(qn("w:type"), "dxa")
    tbl_w.set(qn("w:w"), str(sum(twips)))
    for row in table.rows:
        for i, w in enumerate(widths_cm):
            row.cells[i].width = Cm(w)


def add_simple_field(paragraph, instr: str, placeholder: str = "1", size_half_points: int = 18) -> None:
    """Lägg till ett fält (t.ex. PAGE) som w:fldSimple."""
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), instr)
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), str(size_half_points))
    rpr.append(size)
    run.append(rpr)
    text = OxmlElement("w:t")
    text.text = placeholder
    run.append(text)
    fld.append(run)
    paragraph._p.append(fld)


def set_document_language(doc, lang: str = "sv-SE") -> None:
    styles = doc.styles.element
    doc_defaults = styles.find(qn("w:docDefaults"))
    rpr_default = doc_defaults.find(qn("w:rPrDefault"))
    rpr = rpr_default.find(qn("w:rPr"))
    lang_el = rpr.find(qn("w:lang"))
    if lang_el is None:
        lang_el = OxmlElement("w:lang")
        rpr.append(lang_el)
    lang_el.set(qn("w:val"), lang)
    lang_el.set(qn("w:eastAsia"), lang)
    lang_el.set(qn("w:bidi"), "ar-SA")


def use_plain_font(style) -> None:
    """Byt temats typsnitt mot FONT (Arial blir Liberation Sans i LibreOffice)."""
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), FONT)


def configure_styles(doc) -> None:
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15

    for name, size, before, after in (("Heading 1", 18, 18, 8), ("Heading 2", 14, 14, 4), ("Heading 3", 12, 10, 4)):
        st = styles[name]
        use_plain_font(st)
        st.font.size = Pt(size)
        st.font.color.rgb = RGBColor(0x1F, 0x3A, 0x5F)
        st.paragraph_format.space_before = Pt(before)
        st.paragraph_format.space_after = Pt(after)
        st.paragraph_format.keep_with_next = True

    for name in ("Title", "Subtitle", "Caption", "List Bullet"):
        use_plain_font(styles[name])
    styles["Title"].font.size = Pt(34)
    styles["Title"].font.color.rgb = RGBColor(0x1F, 0x3A, 0x5F)
    styles["Subtitle"].font.size = Pt(16)

    bullet = styles["List Bullet"]
    bullet.paragraph_format.space_after = Pt(3)

    caption = styles["Caption"]
    caption.font.size = Pt(9)
    caption.font.italic = True
    caption.font.bold = False
    caption.font.color.rgb = RGBColor(0x40, 0x40, 0x40)


def configure_section(doc) -> None:
    section = doc.sections[0]
    section.page_height = Cm(29.7)
    section.page_width = Cm(21.0)
    section.top_margin = Cm(2.5)
    section.bottom_margin = Cm(2.3)
    section.left_margin = Cm(2.5)
    section.right_margin = Cm(2.5)
    section.header_distance = Cm(1.2)
    section.footer_distance = Cm(1.0)
    # Titelsidan får inget sidhuvud eller sidfot.
    section.different_first_page_header_footer = True

    text_width = Cm(16.0)
    # Mallens sidhuvud och sidfot har tabbstopp för Letter-format; ersätt dem.
    for style_name in ("Header", "Footer"):
        doc.styles[style_name].paragraph_format.tab_stops.clear_all()

    header_p = section.header.paragraphs[0]
    header_p.text = ""
    header_p.paragraph_format.tab_stops.add_tab_stop(text_width, WD_TAB_ALIGNMENT.RIGHT)
    run = header_p.add_run(f"{PLAN_NAME}\tHelsingborgs stad, {ORG}")
    run.font.size = Pt(9)
    run.font.color.rgb = RGBColor(0x59, 0x59, 0x59)

    footer_p = section.footer.paragraphs[0]
    footer_p.text = ""
    footer_p.paragraph_format.tab_stops.add_tab_stop(text_width, WD_TAB_ALIGNMENT.RIGHT)
    run = footer_p.add_run(f"{PLAN_NAME} – {ORG}\tSida ")
    run.font.size = Pt(9)
    add_simple_field(footer_p, "PAGE")
    run2 = footer_p.add_run(" av ")
    run2.font.size = Pt(9)
    add_simple_field(footer_p, "NUMPAGES")


def add_title_page(doc) -> None:
    for _ in range(6):
        doc.add_paragraph()
    doc.add_paragraph(PLAN_NAME, style="Title")
    doc.add_paragraph(f"{ORG}, Helsingborgs stad", style="Subtitle")
    doc.add_paragraph()
    meta = [
        "Fastställd av förvaltningschefen den 23 september 2025",
        "Internbudget beslutas av fritids- och kulturnämnden i december 2025",
        "Diarienummer FKN 2025/0412",
    ]
    for line in meta:
        p = doc.add_paragraph(line)
        p.runs[0].font.size = Pt(11)
        p.runs[0].font.color.rgb = RGBColor(0x40, 0x40, 0x40)
    for _ in range(10):
        doc.add_paragraph()
    p = doc.add_paragraph(
        "Verksamhetsplanen gäller för 2026 och beskriver förvaltningens mål, aktiviteter och "
        "indikatorer inom fokusområdena innovation, samspel och livskvalitet."
    )
    p.runs[0].font.italic = True
    p.add_run().add_break(WD_BREAK.PAGE)


def add_bullets(doc, items) -> None:
    for item in items:
        p = doc.add_paragraph(style="List Bullet")
        if ": " in item:
            lead, rest = item.split(": ", 1)
            p.add_run(lead + ":").bold = True
            p.add_run(" " + rest)
        else:
            p.add_run(item)


def add_table(doc, spec: dict) -> None:
    header = spec["header"]
    rows = spec["rows"]
    widths = spec.get("widths")
    bold_rows = set(spec.get("bold_rows", []))
    right_from = spec.get("align_right_from", 1)
    right_to = spec.get("align_right_to", len(header) - 1)

    table = doc.add_table(rows=1, cols=len(header))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False

    hdr_cells = table.rows[0].cells
    for i, text in enumerate(header):
        cell = hdr_cells[i]
        cell.text = ""
        para = cell.paragraphs[0]
        run = para.add_run(text)
        run.bold = True
        run.font.size = Pt(9.5)
        run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
        para.paragraph_format.space_after = Pt(2)
        if right_from <= i <= right_to:
            para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        set_cell_shading(cell, "1F3A5F")
    mark_header_row(table.rows[0])

    for r_idx, row in enumerate(rows):
        cells = table.add_row().cells
        keep_row_together(table.rows[-1])
        for i, text in enumerate(row):
            cell = cells[i]
            cell.text = ""
            para = cell.paragraphs[0]
            run = para.add_run(text)
            run.font.size = Pt(9.5)
            run.bold = r_idx in bold_rows
            para.paragraph_format.space_after = Pt(2)
            if right_from <= i <= right_to:
                para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if r_idx % 2 == 1:
                set_cell_shading(cell, "EEF2F7")

    if widths:
        set_column_widths(table, widths)

    note = spec.get("note")
    if note:
        doc.add_paragraph(note, style="Caption")
    else:
        doc.add_paragraph()


def add_signature(doc, lines) -> None:
    p = doc.add_paragraph()
    p.paragraph_format.space_before = Pt(12)
    for i, line in enumerate(lines):
        run = p.add_run(line)
        if i == 0:
            run.bold = True
        if i < len(lines) - 1:
            run.add_break()


def build_document():
    doc = Document()
    set_document_language(doc)
    configure_styles(doc)
    configure_section(doc)

    cp = doc.core_properties
    cp.title = f"{PLAN_NAME} – {ORG}"
    cp.author = ORG
    cp.subject = "Verksamhetsplan för 2026, Helsingborgs stad"
    cp.keywords = "verksamhetsplan; Helsingborgs stad; fritid; kultur; exempel"
    cp.comments = "Påhittat exempel som följer med planlint. Skapat av examples/make_example.py."
    cp.language = "sv-SE"
    cp.last_modified_by = ORG
    cp.revision = 1
    cp.created = FIXED_TIME
    cp.modified = FIXED_TIME

    add_title_page(doc)

    for kind, data in CONTENT:
        if kind == "h1":
            doc.add_heading(data, level=1)
        elif kind == "h2":
            doc.add_heading(data, level=2)
        elif kind == "h3":
            doc.add_heading(data, level=3)
        elif kind == "p":
            doc.add_paragraph(data)
        elif kind == "bullets":
            add_bullets(doc, data)
        elif kind == "table":
            add_table(doc, data)
        elif kind == "signature":
            add_signature(doc, data)
        elif kind == "pagebreak":
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        else:  # pragma: no cover - skyddar mot skrivfel i CONTENT
            raise ValueError(f"okänd blocktyp: {kind}")
    return doc


def normalise_zip(path: Path) -> None:
    """Skriv om docx-arkivet med fasta tidsstämplar så att filen blir byte-identisk."""
    with zipfile.ZipFile(path) as zin:
        items = [(info.filename, zin.read(info.filename)) for info in zin.infolist()]
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in items:
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zout.writestr(info, data)
    os.replace(tmp, path)


def word_count() -> int:
    """Ungefärligt antal ord i planens löptext och tabeller (utan titelsida)."""
    words = 0
    for kind, data in CONTENT:
        if kind in ("h1", "h2", "h3", "p"):
            words += len(str(data).split())
        elif kind in ("bullets", "signature"):
            words += sum(len(s.split()) for s in data)
        elif kind == "table":
            cells = list(data["header"]) + [c for row in data["rows"] for c in row]
            words += sum(len(c.split()) for c in cells)
            words += len(data.get("note", "").split())
    return words


def convert_to_pdf(docx: Path, outdir: Path) -> Path:
    soffice = shutil.which("soffice") or "/usr/bin/soffice"
    cmd = [
        soffice,
        "-env:UserInstallation=file:///tmp/lo-example-profile",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(outdir),
        str(docx),
    ]
    subprocess.run(cmd, check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300)
    pdf = outdir / (docx.stem + ".pdf")
    if not pdf.exists():
        raise RuntimeError(f"LibreOffice skapade ingen PDF: {pdf}")
    return pdf


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-pdf", action="store_true", help="skapa bara docx-filen")
    args = parser.parse_args(argv)

    doc = build_document()
    doc.save(DOCX_PATH)
    normalise_zip(DOCX_PATH)
    print(f"skrev {DOCX_PATH.relative_to(HERE.parent)} ({word_count()} ord)")

    if not args.no_pdf:
        pdf = convert_to_pdf(DOCX_PATH, HERE)
        print(f"skrev {pdf.relative_to(HERE.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

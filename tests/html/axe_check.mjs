// Runs axe-core (WCAG 2.0 and 2.1, levels A and AA) on each HTML file named on the command line, in Debian's
// Chromium driven by playwright-core, and prints one JSON object: the violations per file and every URL the
// pages requested. The report itself has no script and a CSP that forbids one, so the test context bypasses
// the CSP only to inject axe-core; nothing is fetched from the network.
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const AXE = require.resolve("axe-core/axe.min.js");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const ARGS = [
  "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run",
];

function summary(rule) {
  return {
    id: rule.id,
    impact: rule.impact,
    help: rule.help,
    nodes: rule.nodes.map((n) => ({ target: n.target, html: n.html.slice(0, 300), why: n.failureSummary })),
  };
}

async function check(context, file) {
  const page = await context.newPage();
  await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(
    (tags) => globalThis.axe.run(document, { runOnly: { type: "tag", values: tags } }), TAGS);
  await page.close();
  return {
    violations: result.violations.map(summary),
    incomplete: result.incomplete.map((r) => r.id),
    passes: result.passes.length,
  };
}

const files = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: ARGS });
try {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  const requests = [];
  context.on("request", (request) => requests.push(request.url()));
  const results = {};
  for (const file of files) {
    results[file] = await check(context, file);
  }
  console.log(JSON.stringify({ axe: require("axe-core/package.json").version, results, requests }));
} finally {
  await browser.close();
}

// Drives `planlint serve` in Debian's Chromium (playwright-core, no browser download) as a person would: the
// upload page, one plan's report, a portfolio of several plans, the commented .docx, a damaged file, a file
// over the size limit, the compare page, English, and the same upload with JavaScript turned off. Every page
// is checked with axe-core (WCAG 2.0 and 2.1, A and AA) under the page's own Content-Security-Policy, and
// every request the browser made is recorded. Prints one JSON object; the assertions are in
// tests/test_serve_browser.py.
//
// usage: node serve_check.mjs SPEC.json, where SPEC names the server's address, the plan files, a folder for
// the downloads and (optionally) a folder for screenshots.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const ARGS = [
  "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run",
];
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const SHOT_HEIGHT = 1800; // the top of a long page, as far as a person scrolls at first

const spec = JSON.parse(readFileSync(process.argv[2], "utf8"));
const requests = [];
const problems = []; // console errors, page errors and CSP violations, from every page

async function axe(page) {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern: the page keeps its policy.
  await page.evaluate(AXE);
  const result = await page.evaluate((tags) => globalThis.axe.run(document, { runOnly: { type: "tag", values: tags } }), TAGS);
  return {
    violations: result.violations.map((rule) => ({
      id: rule.id,
      impact: rule.impact,
      help: rule.help,
      nodes: rule.nodes.map((n) => ({ target: n.target, html: n.html.slice(0, 300), why: n.failureSummary })),
    })),
    passes: result.passes.length,
  };
}

async function describe(page, response) {
  return page.evaluate((status) => ({
    status,
    url: location.pathname + location.search,
    lang: document.documentElement.lang,
    title: document.title,
    h1: document.querySelector("h1")?.textContent.trim().replace(/\s+/g, " "),
    text: document.body.innerText,
    statuses: [...document.querySelectorAll("section[data-status]")].map((s) => [s.id, s.dataset.status]),
    heatmap: [...document.querySelectorAll("table.heatmap tbody tr")].map((row) => ({
      plan: row.querySelector("th").textContent.trim().replace(/\s+/g, " "),
      cells: [...row.querySelectorAll("td[data-concept]")].map((c) => [c.dataset.concept, c.dataset.status]),
    })),
    changes: [...document.querySelectorAll("table.changes tbody tr")].map((row) => ({
      part: row.querySelector("th").textContent.trim(),
      change: row.dataset.change,
    })),
    messages: [...document.querySelectorAll(".messages li")].map((li) => li.textContent.trim().replace(/\s+/g, " ")),
    scripts: document.scripts.length,
  }), response ? response.status() : null);
}

async function visit(page, name, action, shots) {
  process.stderr.write(`${name}\n`);
  const response = await action();
  await page.waitForLoadState("load");
  const seen = await describe(page, response);
  seen.axe = await axe(page);
  for (const [width, file] of shots || []) {
    if (!spec.screenshots) continue;
    await page.setViewportSize({ width, height: width === PHONE.width ? PHONE.height : DESKTOP.height });
    const [scrollWidth, scrollHeight] = await page.evaluate(
      () => [document.documentElement.scrollWidth, document.documentElement.scrollHeight]);
    seen.widths = { ...seen.widths, [width]: scrollWidth }; // wider than the window: the page scrolls sideways
    const height = Math.min(SHOT_HEIGHT, scrollHeight);
    await page.screenshot({ path: join(spec.screenshots, file), fullPage: true, clip: { x: 0, y: 0, width, height } });
  }
  return [name, seen];
}

async function submit(page, files, button, field = "#plan") {
  await page.setInputFiles(field, files);
  const [response] = await Promise.all([page.waitForNavigation(), page.getByRole("button", { name: button, exact: true }).click()]);
  return response;
}

function watch(page) {
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const where = message.location().url;
    // A page answered with 404, 413 or 422 on purpose: its status is checked, it is no problem here.
    if (where === page.url() && message.text().startsWith("Failed to load resource: the server responded")) return;
    problems.push(`${page.url()}: ${where}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`${page.url()}: ${error.message}`));
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: ARGS });
const pages = {};
const downloads = {};
try {
  const context = await browser.newContext({ viewport: DESKTOP, acceptDownloads: true, locale: "sv-SE" });
  context.on("request", (request) => requests.push(request.url()));
  const page = await context.newPage();
  watch(page);
  const base = spec.base;
  const record = ([name, seen]) => { pages[name] = seen; };

  record(await visit(page, "upload", () => page.goto(`${base}/`), [[1280, "upload-1280.png"], [390, "upload-390.png"]]));
  await page.setViewportSize(DESKTOP);
  record(await visit(page, "report", () => submit(page, [spec.example], "Visa rapporten"),
    [[1280, "report-1280.png"], [390, "report-390.png"]]));
  await page.setViewportSize(DESKTOP);
  await page.goto(`${base}/`);
  record(await visit(page, "portfolio", () => submit(page, spec.plans, "Visa rapporten"),
    [[1280, "portfolio-1280.png"], [390, "portfolio-390.png"]]));
  await page.setViewportSize(DESKTOP);

  await page.goto(`${base}/`);
  await page.setInputFiles("#plan", [spec.example]);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Kommenterad Word-kopia (.docx)" }).click(),
  ]);
  const saved = join(spec.downloads, download.suggestedFilename());
  await download.saveAs(saved);
  downloads.docx = { name: download.suggestedFilename(), path: saved };

  await page.goto(`${base}/`);
  record(await visit(page, "damaged", () => submit(page, [spec.damaged], "Visa rapporten")));
  await page.goto(`${base}/`);
  record(await visit(page, "too_large", () => submit(page, [spec.too_large], "Visa rapporten")));

  // Drag and drop: a file dropped on the field is sent as if chosen.
  await page.goto(`${base}/`);
  await page.evaluate(([name, text]) => {
    const zone = document.querySelector("[data-drop]");
    const data = new DataTransfer();
    data.items.add(new File([text], name, { type: "text/plain" }));
    zone.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
  }, [spec.dropped.name, readFileSync(spec.dropped.path, "utf8")]);
  const [droppedResponse] = await Promise.all([page.waitForNavigation(), page.getByRole("button", { name: "Visa rapporten" }).click()]);
  await page.waitForLoadState("load");
  pages.dropped = await describe(page, droppedResponse);

  record(await visit(page, "compare", () => page.goto(`${base}/jamfor`)));
  await page.setInputFiles("#old", spec.old);
  record(await visit(page, "diff", () => submit(page, [spec.new], "Jämför", "#new")));

  record(await visit(page, "not_found", () => page.goto(`${base}/finns-inte`)));
  await page.goto(`${base}/`);
  record(await visit(page, "english", async () => {
    const [response] = await Promise.all([page.waitForNavigation(), page.getByRole("link", { name: "English" }).click()]);
    return response;
  }));
  record(await visit(page, "english_report", () => submit(page, [spec.example], "Show the report")));
  await context.close();

  // Without JavaScript the forms work all the same.
  const plain = await browser.newContext({ viewport: DESKTOP, javaScriptEnabled: false });
  plain.on("request", (request) => requests.push(request.url()));
  const still = await plain.newPage();
  watch(still);
  await still.goto(`${base}/`);
  const response = await submit(still, [spec.example], "Visa rapporten");
  // No script runs in this page, not even the test's: its HTML is read back instead.
  pages.no_javascript = { status: response.status(), html: await still.content() };
  await plain.close();
} finally {
  await browser.close();
}
console.log(JSON.stringify({ axe: require("axe-core/package.json").version, pages, downloads, requests, problems }));

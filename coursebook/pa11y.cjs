// HTML_CodeSniffer (WCAG 2 AA) through pa11y on a list of pages, in one Chromium.
//
// Called by coursebook/validators.py, which serves the site and passes, as JSON on stdin:
//   {"base": "http://127.0.0.1:PORT/", "pages": ["book/intro.html", ...],
//    "chromium": "/usr/bin/chromium", "args": [...], "concurrency": 2}
// and reads, as JSON on stdout: {"book/intro.html": [{code, type, message, selector, context}], ...}
// or {"book/intro.html": {"failed": "why"}} for a page pa11y could not check.
// pa11y (npm, pinned in package-lock.json) drives Debian's Chromium through its own puppeteer,
// launched once here and shared by every page (PUPPETEER_SKIP_DOWNLOAD=1: none is downloaded).
"use strict";

const pa11y = require("pa11y");
const puppeteer = require("puppeteer");

async function main() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const job = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  const browser = await puppeteer.launch({
    executablePath: job.chromium,
    args: job.args,
    headless: true,
  });
  const results = {};
  const queue = [...job.pages];
  async function worker() {
    while (queue.length) {
      const name = queue.shift();
      try {
        const result = await pa11y(job.base + name, {
          browser,
          runners: ["htmlcs"],
          standard: "WCAG2AA",
          includeWarnings: true,
          includeNotices: false,
          timeout: 60000,
          viewport: { width: 1280, height: 900 },
        });
        results[name] = result.issues.map((i) => ({
          code: i.code,
          type: i.type,
          message: i.message,
          selector: i.selector,
          context: (i.context || "").slice(0, 240),
        }));
      } catch (error) {
        results[name] = { failed: String(error && error.message ? error.message : error) };
      }
    }
  }
  await Promise.all(Array.from({ length: job.concurrency || 2 }, worker));
  await browser.close();
  process.stdout.write(JSON.stringify(results));
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error) + "\n");
  process.exit(2);
});

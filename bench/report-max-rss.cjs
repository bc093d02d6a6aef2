// Preloaded by bench/growth.ts into every Node process of one `npm run ask` (NODE_OPTIONS=--require):
// at exit, appends the process's peak memory (max RSS, in KB) to the file MAX_RSS_REPORT names.
const { appendFileSync } = require('node:fs');

const reportFile = process.env.MAX_RSS_REPORT;
if (reportFile) {
  process.on('exit', () => {
    appendFileSync(reportFile, `${process.resourceUsage().maxRSS}\n`);
  });
}

// Renders [{ template, data }] from stdin with liquidjs and prints [{ output } | { error }] as JSON.
const { Liquid } = require('liquidjs');

const engine = new Liquid();
let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', chunk => { input += chunk; });
process.stdin.on('end', async () => {
  const results = [];
  for (const { template, data } of JSON.parse(input)) {
    try {
      results.push({ output: await engine.parseAndRender(template, data) });
    } catch (error) {
      results.push({ error: error.message });
    }
  }
  process.stdout.write(JSON.stringify(results));
});

// Renders [{ template, data, partials? }] from stdin with liquidjs and prints [{ output } | { error }] as JSON.
// partials maps names to sources for include and render.
const { Liquid } = require('liquidjs');

const engines = new Map();
const engineFor = partials => {
  const key = JSON.stringify(partials || {});
  if (!engines.has(key)) {
    engines.set(key, partials ? new Liquid({ templates: partials }) : new Liquid());
  }
  return engines.get(key);
};

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', chunk => { input += chunk; });
process.stdin.on('end', async () => {
  const results = [];
  for (const { template, data, partials } of JSON.parse(input)) {
    try {
      results.push({ output: await engineFor(partials).parseAndRender(template, data) });
    } catch (error) {
      results.push({ error: error.message });
    }
  }
  process.stdout.write(JSON.stringify(results));
});

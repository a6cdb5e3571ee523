// ESLint rule: each relative import must land in a layer its file may depend on (DESIGN.md "Layers").
// Resolving the path (rather than matching the import string) keeps nested folders such as lab/export/
// honest in both directions.
import path from 'node:path';

/** Which layers each layer may import. `types` may additionally be imported with `import type`. */
export const ALLOWED = {
  tcp: { values: ['tcp'] },
  net: { values: ['net', 'tcp'] },
  lab: { values: ['lab', 'net', 'tcp', 'contract'] },
  contract: { values: ['contract'], types: ['tcp', 'net'] },
  host: { values: ['host', 'contract', 'lab', 'net', 'tcp', 'package.json'] },
  web: { values: ['web', 'host', 'contract'] },
  electron: { values: ['electron', 'host', 'contract', 'lab'] },
  cli: { values: ['cli', 'lab', 'net', 'tcp', 'contract', 'host'] },
  renderer: { values: ['renderer', 'contract'] },
};

function layerOf(root, file) {
  const rel = path.relative(root, file).split(path.sep);
  if (rel[0] === 'src-main' && rel.length > 2) return rel[1];
  if (rel[0] === 'src-renderer') return 'renderer';
  if (rel.length === 1 && rel[0] === 'package.json') return 'package.json';
  return undefined;
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'enforce the layer boundaries of DESIGN.md' },
    schema: [],
    messages: { forbidden: '{{fromDir}} may not import {{to}} ({{source}}); allowed: {{allowed}}.' },
  },
  create(context) {
    const file = context.filename;
    const root = context.cwd;
    const from = layerOf(root, file);
    if (!from || !ALLOWED[from]) return {};
    const rule = ALLOWED[from];
    function check(node) {
      const source = node.source?.value;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const to = layerOf(root, path.resolve(path.dirname(file), source)) ?? 'a file outside the layers';
      const typeOnly = node.importKind === 'type' || node.exportKind === 'type';
      if (rule.values.includes(to) || (typeOnly && rule.types?.includes(to))) return;
      context.report({ node, messageId: 'forbidden', data: { fromDir: from === 'renderer' ? 'src-renderer/' : `src-main/${from}/`, to, source, allowed: rule.values.join(', ') } });
    }
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

/**
 * Example programs the Playground offers: a handful of the tutorial corpus (CPython 3.11's
 * outputs for them are in the oracle), each a few lines about one idea, plus one written in the
 * campaign's puzzle subset. Bundled as text by Vite at build time.
 */
const files = import.meta.glob<string>('./examples/*.py', {
  query: '?raw',
  import: 'default',
  eager: true,
});

export interface Example {
  /** File name without `.py`, e.g. `31_node_pair_cycle`. */
  id: string;
  /** The first comment line ("Teaches: …"), or the id. */
  title: string;
  source: string;
}

export const EXAMPLES: Example[] = Object.entries(files)
  .map(([path, source]) => {
    const id = path.replace(/^.*\//, '').replace(/\.py$/, '');
    const first = /^#\s*(?:Teaches:\s*)?(.*)$/m.exec(source)?.[1] ?? id;
    return { id, title: first, source };
  })
  .sort((a, b) => a.id.localeCompare(b.id));

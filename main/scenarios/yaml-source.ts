// A parsed YAML file that remembers where everything came from, so a problem found in the data
// can point at a line and column.
import type { Document, Node } from 'yaml';
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';

export interface Position {
  line: number;
  column: number;
}

export interface YamlSource {
  /** The data, or undefined when the file does not parse. */
  data: unknown;
  /** Syntax errors (and duplicate keys), each with its position. */
  errors: { message: string; position?: Position }[];
  /** Where a field is; for a missing field, where its nearest present parent is. */
  locate(path: readonly PropertyKey[]): Position | undefined;
}

function keyOf(node: unknown): unknown {
  return isScalar(node) ? node.value : node;
}

/** The parser's first line, without the position it repeats. */
export function yamlMessage(message: string): string {
  const first = message.split('\n')[0] ?? message;
  return first.replace(/ at line \d+, column \d+:?$/, '');
}

export function parseYamlSource(text: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false });
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const errors = doc.errors.map((error) => ({
    message: yamlMessage(error.message),
    position: at(error.pos[0]),
  }));

  const locate = (path: readonly PropertyKey[]): Position | undefined => {
    let node: unknown = doc.contents;
    let found: Node | undefined = isScalar(node) || isMap(node) || isSeq(node) ? node : undefined;
    for (const segment of path) {
      let next: unknown;
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && keyOf(item.key) === segment);
        // A key without a value (`title:`) still has a position: the key's.
        next = pair ? (pair.value ?? pair.key) : undefined;
      } else if (isSeq(node) && typeof segment === 'number') {
        next = node.items[segment];
      }
      if (isScalar(next) || isMap(next) || isSeq(next)) found = next;
      else break;
      node = next;
    }
    return found?.range ? at(found.range[0]) : undefined;
  };

  return {
    data: errors.length > 0 ? undefined : (doc.toJS({ maxAliasCount: 100 }) as unknown),
    errors,
    locate,
  };
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validateXML } from 'xmllint-wasm';

const SCHEMA = readFileSync(path.join(import.meta.dirname, 'atom.rng'), 'utf8');

/** What libxml2 finds wrong with `xml` as an Atom 1.0 document (tests/schemas/atom.rng); empty when it is valid. */
export async function atomSchemaErrors(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'feed.xml', contents: xml }],
    schema: [{ fileName: 'atom.rng', contents: SCHEMA }],
    extension: 'relaxng',
  });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}

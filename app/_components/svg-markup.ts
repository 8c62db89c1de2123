import { Fragment, isValidElement, type ReactElement, type ReactNode } from 'react';

// A drawing made of hundreds of SVG elements costs the browser twice when React renders it: once as
// HTML and once as the element tree in the page's RSC payload, which React then walks to hydrate.
// A drawing that never changes in the browser can be sent as one string instead
// (`dangerouslySetInnerHTML`): React neither serializes its elements nor hydrates them. This turns
// such a drawing into the markup react-dom/server would write for it (react-dom/server itself is not
// available to server components); tests/unit/svg-markup.test.ts holds the two to the same output.
// It accepts only what drawings use: host elements, plain function components, fragments, text.

/** Attributes React writes under another name; the rest of SVG's camelCase names are hyphenated. */
const RENAMED: Record<string, string> = { className: 'class', htmlFor: 'for', tabIndex: 'tabindex', xlinkHref: 'xlink:href' };
/** SVG attributes whose real names are camelCase. */
const CAMEL_CASE = new Set([
  'viewBox',
  'preserveAspectRatio',
  'gradientUnits',
  'gradientTransform',
  'patternUnits',
  'patternContentUnits',
  'patternTransform',
  'clipPathUnits',
  'markerUnits',
  'markerWidth',
  'markerHeight',
  'refX',
  'refY',
  'textLength',
  'lengthAdjust',
  'startOffset',
  'pathLength',
]);

function attributeName(name: string): string {
  if (RENAMED[name]) return RENAMED[name];
  if (name.startsWith('aria-') || name.startsWith('data-') || CAMEL_CASE.has(name)) return name;
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** The escaping React applies to text and attribute values. */
function escape(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;' })[c]!);
}

function attributes(props: Record<string, unknown>): string {
  let out = '';
  for (const [name, value] of Object.entries(props)) {
    if (name === 'children' || name === 'key' || value === undefined || value === null) continue;
    if (name === 'style' || name === 'dangerouslySetInnerHTML' || typeof value === 'function' || typeof value === 'object')
      throw new Error(`svgMarkup: unsupported attribute ${name}`);
    const booleanText = name.startsWith('aria-') || name.startsWith('data-');
    if (typeof value === 'boolean' && !booleanText) {
      if (value) throw new Error(`svgMarkup: unsupported boolean attribute ${name}`);
      continue;
    }
    out += ` ${attributeName(name)}="${escape(String(value))}"`;
  }
  return out;
}

/** The static markup of a drawing. */
export function svgMarkup(node: ReactNode): string {
  if (node === null || node === undefined || typeof node === 'boolean') return '';
  if (typeof node === 'string') return escape(node);
  if (typeof node === 'number' || typeof node === 'bigint') return escape(String(node));
  if (Array.isArray(node)) return node.map(svgMarkup).join('');
  if (!isValidElement(node)) throw new Error('svgMarkup: unsupported node');
  const element = node as ReactElement<Record<string, unknown>>;
  if (element.type === Fragment) return svgMarkup(element.props.children as ReactNode);
  if (typeof element.type === 'function') {
    const rendered = (element.type as (props: Record<string, unknown>) => ReactNode)(element.props);
    if (rendered instanceof Promise) throw new Error('svgMarkup: async components are not supported');
    return svgMarkup(rendered);
  }
  if (typeof element.type !== 'string') throw new Error('svgMarkup: unsupported element type');
  const tag = element.type;
  return `<${tag}${attributes(element.props)}>${svgMarkup(element.props.children as ReactNode)}</${tag}>`;
}

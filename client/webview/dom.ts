/**
 * DOM helpers that only ever put text into the page: children become text nodes, attributes go
 * through setAttribute. Nothing here parses HTML, so a manifest string such as
 * `<img src=x onerror=alert(1)>` shows literally.
 */

/** A child: an element, text (made a text node), or nothing. */
export type Child = Node | string | number | null | undefined | false;

/** Attributes set with setAttribute; `false`/`undefined` leave the attribute out. */
export type Attributes = Readonly<Record<string, string | number | boolean | undefined>>;

function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(
      typeof child === 'string' || typeof child === 'number'
        ? document.createTextNode(String(child))
        : child,
    );
  }
}

function setAttributes(element: Element, attributes: Attributes | undefined): void {
  if (attributes === undefined) return;
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
}

/** Creates an HTML element with a class, attributes and children. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  attributes?: Attributes,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (className !== undefined && className !== '') element.className = className;
  setAttributes(element, attributes);
  append(element, children);
  return element;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Creates an SVG element with attributes and children. */
export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes?: Attributes,
  ...children: Child[]
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  setAttributes(element, attributes);
  append(element, children);
  return element;
}

/** Replaces the children of `parent`. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/** Makes an element activatable like a button: focusable, Enter and Space run `activate`. */
export function makeActivatable(
  element: HTMLElement | SVGElement,
  label: string,
  activate: () => void,
): void {
  element.setAttribute('tabindex', '0');
  element.setAttribute('role', 'button');
  element.setAttribute('aria-label', label);
  element.addEventListener('click', (event) => {
    event.stopPropagation();
    activate();
  });
  element.addEventListener('keydown', (event: Event) => {
    if (!(event instanceof KeyboardEvent)) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      event.stopPropagation();
      activate();
    }
  });
}

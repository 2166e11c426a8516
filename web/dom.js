/* global document */
// The live view's one DOM helper, shared by its modules.

/**
 * An element; `style` is applied property by property (the page's CSP refuses style attributes).
 * @param {string} tag
 * @param {Record<string, string | undefined> & { style?: Record<string, string> }} [attributes]
 * @param {(Node | string | undefined | false)[]} [children]
 */
export function el(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  const { style, ...rest } = attributes;
  for (const [name, value] of Object.entries(rest)) if (value !== undefined) node.setAttribute(name, value);
  for (const [name, value] of Object.entries(style ?? {})) node.style.setProperty(name, value);
  for (const child of children) if (child !== undefined && child !== false) node.append(child);
  return node;
}

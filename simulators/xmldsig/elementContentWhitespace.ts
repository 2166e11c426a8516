const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const WHITESPACE_ONLY = /^[ \t\r\n]+$/;

/**
 * Removes, below `root`, every whitespace-only text node whose parent element also has element
 * children: the indentation between elements. DCC's signing tool parses with the DUIS schema and
 * `setIgnoringElementContentWhitespace(true)`, so this whitespace never reaches its digest; the
 * DUIS and MMC schemas declare no mixed content, so for a DUIS document "whitespace-only text
 * beside element siblings" is exactly the schema's ignorable whitespace. Text of simple-typed
 * elements (no element children) is left alone, whatever it is. Returns how many nodes went.
 */
export function stripElementContentWhitespace(root: Element): number {
  const doomed: Node[] = [];
  visitElements(root, (el) => {
    if (!hasElementChild(el)) return;
    for (let n = el.firstChild; n !== null; n = n.nextSibling) {
      if (n.nodeType === TEXT_NODE && WHITESPACE_ONLY.test(n.nodeValue ?? '')) doomed.push(n);
    }
  });
  for (const n of doomed) n.parentNode?.removeChild(n);
  return doomed.length;
}

/** Whether {@link stripElementContentWhitespace} would remove anything. */
export function hasElementContentWhitespace(root: Element): boolean {
  let found = false;
  visitElements(root, (el) => {
    if (found || !hasElementChild(el)) return;
    for (let n = el.firstChild; n !== null; n = n.nextSibling) {
      if (n.nodeType === TEXT_NODE && WHITESPACE_ONLY.test(n.nodeValue ?? '')) {
        found = true;
        return;
      }
    }
  });
  return found;
}

function hasElementChild(el: Element): boolean {
  for (let n = el.firstChild; n !== null; n = n.nextSibling) if (n.nodeType === ELEMENT_NODE) return true;
  return false;
}

/** Pre-order walk over the elements of a subtree, without recursion. */
function visitElements(root: Element, visit: (el: Element) => void): void {
  const stack: Element[] = [root];
  for (let el = stack.pop(); el !== undefined; el = stack.pop()) {
    visit(el);
    for (let n = el.lastChild; n !== null; n = n.previousSibling) {
      if (n.nodeType === ELEMENT_NODE) stack.push(n as Element);
    }
  }
}

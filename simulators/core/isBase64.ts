/** The base64 alphabet with up to two `=` at the end. */
const ALPHABET_THEN_PADDING = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Whether `text` is base64 as xs:base64Binary and XML-DSig write it (no whitespace): the alphabet,
 * whole 4-character groups, `=` only as the last one or two. The length check and the simple class
 * say the same as the grouped pattern `(?:[…]{4})*(?:[…]{2}==|[…]{3}=)?` at about half the cost:
 * with n alphabet characters and p pads, n + p ≡ 0 (mod 4) makes p = 1 mean n ≡ 3 and p = 2 mean
 * n ≡ 2.
 */
export function isBase64(text: string): boolean {
  return text.length % 4 === 0 && ALPHABET_THEN_PADDING.test(text);
}

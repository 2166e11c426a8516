/**
 * The one place the smki code imports @peculiar/x509 from. Version 2.x resolves its algorithm
 * providers through tsyringe, which needs a Reflect metadata polyfill loaded *before* the library
 * ("tsyringe requires a reflect polyfill"); ESM evaluates imports in order, so importing
 * reflect-metadata first here is enough for every module that goes through this file.
 */
import 'reflect-metadata';
import { X509Certificate } from '@peculiar/x509';

export { X509Certificate };

/** Parses DER (copied into a plain ArrayBuffer, which is what @peculiar/x509's types ask for). */
export function x509FromDer(der: Uint8Array): X509Certificate {
  return new X509Certificate(new Uint8Array(der));
}

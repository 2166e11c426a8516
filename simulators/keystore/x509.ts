/**
 * The one place the keystore loads @peculiar/x509. Its dependency injection (tsyringe) needs a
 * Reflect metadata polyfill installed before the library is evaluated, so this module imports
 * `reflect-metadata` first; everything else imports x509 from here, never from the package.
 */
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';

export { x509 };

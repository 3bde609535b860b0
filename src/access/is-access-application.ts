/**
 * Tells an `AccessApplication` of this library (whose policies are known here) from any other
 * `IAccessApplication`. Not exported from the module's index: the tunnel and the pattern use it.
 */
import type { AccessApplication } from './application';
import { hasBrand } from '../core/brand';

/** True for an `AccessApplication` made by any copy of the library (a brand, not `instanceof`). */
export function isAccessApplication(application: unknown): application is AccessApplication {
  return hasBrand(application, 'AccessApplication');
}

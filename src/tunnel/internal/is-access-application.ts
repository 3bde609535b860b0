/**
 * Tells an `AccessApplication` of this library (whose policies are known here) from any other
 * `IAccessApplication`. Internal: not part of the public API.
 */
import { AccessApplication } from '../../access';
import { hasBrand } from '../../core/brand';

/** True for an `AccessApplication` made by any copy of the library (a brand, not `instanceof`). */
export function isAccessApplication(application: unknown): application is AccessApplication {
  return hasBrand(application, 'AccessApplication');
}

import { Fn, Token } from 'cdktf';
import { jsonencode } from '../../core/jsonencode';

/** What `cloudflared` needs to authenticate as the tunnel. */
export interface TunnelIdentity {
  readonly accountId: string;
  readonly tunnelId: string;
  /** Base64 tunnel secret, as set on the tunnel resource. */
  readonly tunnelSecret: string;
}

/** Wraps an expression in Terraform's `sensitive()` so plans and outputs redact it. */
export function sensitive(expression: string): string {
  return Token.asString(Fn.sensitive(expression));
}

/**
 * The token `cloudflared tunnel run` reads from `TUNNEL_TOKEN`: base64 of
 * `{"a": account id, "t": tunnel id, "s": tunnel secret}`. Built here because
 * provider v5's tunnel resource has no token attribute.
 */
export function tunnelToken(identity: TunnelIdentity): string {
  return sensitive(Fn.base64encode(jsonencode({
    a: identity.accountId,
    t: identity.tunnelId,
    s: identity.tunnelSecret,
  })));
}

/**
 * The credentials file `cloudflared tunnel run <id>` reads (or its contents
 * from `TUNNEL_CRED_CONTENTS`).
 */
export function credentialsJson(identity: TunnelIdentity): string {
  return sensitive(jsonencode({
    AccountTag: identity.accountId,
    TunnelSecret: identity.tunnelSecret,
    TunnelID: identity.tunnelId,
  }));
}

// Client order ids for orders placed by hand from the dashboard: unique per submission (placeOrder is
// idempotent on the account and this id). crypto.randomUUID exists only in secure contexts, so a
// plain-http dashboard falls back to time and randomness.
export function newClientOrderId(): string {
  const random =
    typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function'
      ? crypto.randomUUID()
      : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
  return `dash-${random}`;
}

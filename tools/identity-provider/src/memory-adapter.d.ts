// oidc-provider's own memory adapter, imported from its module (the package has no exports map, so Node resolves
// it; its types do not declare it). Each call makes one store, kept by every provider given the factory.
declare module 'oidc-provider/lib/adapters/memory_adapter.js' {
  import type { AdapterFactory } from 'oidc-provider';
  export function createMemoryAdapter(clockTolerance?: number): AdapterFactory;
}

// What the open topology menu is for. In a .ts file rather than the menu component's module
// script, so the type checker and ESLint's type-aware rules both see it (a type exported from a
// .svelte file reads as an error type to typescript-eslint).
import type { PodLayout, ServiceLayout } from '../../lib/topology-layout.ts';

export type MenuFor = { kind: 'pod'; pod: PodLayout } | { kind: 'service'; service: ServiceLayout };

// Module Catalog: see docs/architecture.md.

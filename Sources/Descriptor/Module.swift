// Module Descriptor: see docs/architecture.md.

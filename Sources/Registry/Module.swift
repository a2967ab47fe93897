// Module Registry: see docs/architecture.md.

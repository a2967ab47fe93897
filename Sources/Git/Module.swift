// Module Git: see docs/architecture.md.

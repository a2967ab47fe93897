// Module TestSupport: see docs/architecture.md.

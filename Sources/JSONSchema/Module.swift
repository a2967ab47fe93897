// Module JSONSchema: see docs/architecture.md.

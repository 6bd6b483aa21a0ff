#!/bin/sh
echo "schema engine binary not used: migrations run through @prisma/schema-engine-wasm" >&2
exit 1

#!/usr/bin/env bash
# Scaffolds a workspace package: tools/scripts/new-package.sh <dir> <npm name> "<description>"
set -euo pipefail
dir=$1 name=$2 desc=$3
mkdir -p "$dir/src"
cat > "$dir/package.json" <<JSON
{
  "name": "$name",
  "version": "0.1.0",
  "description": "$desc",
  "license": "MIT",
  "type": "module",
  "sideEffects": false,
  "exports": {
    ".": {
      "@synthgrad/source": "./src/index.ts",
      "types": "./dist/index.d.ts",
      "import": "./dist/index.js"
    }
  },
  "files": ["dist", "!dist/.tsbuildinfo", "src", "!src/**/*.test.ts", "!src/**/*.spec.ts"],
  "scripts": {
    "build": "tsc -p tsconfig.lib.json",
    "test": "vitest run",
    "typecheck": "tsc -p tsconfig.spec.json"
  },
  "dependencies": {}
}
JSON
rel=$(realpath --relative-to="$dir" tsconfig.base.json)
cat > "$dir/tsconfig.json" <<JSON
{
  "extends": "$rel",
  "include": ["src", "test"]
}
JSON
cat > "$dir/tsconfig.lib.json" <<JSON
{
  "extends": "$rel",
  "compilerOptions": {
    "rootDir": "src",
    "outDir": "dist",
    "customConditions": [],
    "tsBuildInfoFile": "dist/.tsbuildinfo"
  },
  "include": ["src"],
  "exclude": ["src/**/*.test.ts", "src/**/*.spec.ts"]
}
JSON
cat > "$dir/tsconfig.spec.json" <<JSON
{
  "extends": "$rel",
  "compilerOptions": { "noEmit": true },
  "include": ["src", "test", "vitest.config.ts"]
}
JSON
cat > "$dir/vitest.config.ts" <<'TS'
export { default } from '@synthgrad/vitest-config';
TS
[ -f "$dir/README.md" ] || printf '# %s\n\n%s\n' "$name" "$desc" > "$dir/README.md"

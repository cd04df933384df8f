#!/usr/bin/env bash
# HCL syntax check of terraform/ without a Terraform binary (none is obtainable on the build
# machines): the npm package tfvalidator (HashiCorp's HCL parser compiled to WebAssembly) parses
# every .tf file under terraform/ (directory mode, recursive, also reports duplicate resources) and
# each *.tfvars / *.tfbackend file (file mode; directory mode only looks at .tf files).
#
# tfvalidator 1.0.1 exits 0 even when it reports errors, so this script reads its JSON answer
# and fails on any ERROR (or on "no configuration files found"). It checks syntax only: names,
# types and references are checked by `terraform validate` where a binary exists.
#
# Usage: bash terraform/check-syntax.sh        (from anywhere; needs node + npm)
set -euo pipefail
cd "$(dirname "$0")"

TFVALIDATOR=(npm exec --yes --package=tfvalidator@1.0.1 -- tfvalidator)

targets=("$PWD")
while IFS= read -r -d '' file; do
  targets+=("$file")
done < <(find "$PWD" \( -name '*.tfvars' -o -name '*.tfbackend' \) -print0 | sort -z)

failed=0
for target in "${targets[@]}"; do
  label="${target#"$(dirname "$PWD")"/}"
  report="$("${TFVALIDATOR[@]}" "$target" 2>/dev/null)"
  # shellcheck disable=SC2016 # the single-quoted program is JavaScript, not shell
  if ! printf '%s' "$report" | node -e '
    let text = "";
    process.stdin.on("data", c => text += c).on("end", () => {
      let problems;
      try {
        problems = JSON.parse(text).errors;
      } catch (e) {
        console.error(`  not a tfvalidator report: ${text.slice(0, 300)}`);
        process.exit(1);
      }
      const fatal = problems.filter(p => p.severity === "ERROR" || /No Terraform configuration files/.test(p.message));
      for (const p of problems) {
        console.error(`  ${p.severity} ${p.filePath}:${p.lineStart}:${p.columnStart}: ${p.message}`);
      }
      process.exit(fatal.length === 0 ? 0 : 1);
    });'; then
    echo "terraform syntax: FAILED $label" >&2
    failed=1
  else
    echo "terraform syntax: ok $label"
  fi
done
exit "$failed"

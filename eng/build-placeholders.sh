#!/usr/bin/env bash
# Rebuilds the placeholder package(s) into eng/packages. Only needed when the placeholder changes;
# the built .nupkg is committed so that a fresh clone restores without this step.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dotnet pack "$here/placeholders/System.Reactive.Compatibility/System.Reactive.Compatibility.csproj" -c Release -o "$here/packages"

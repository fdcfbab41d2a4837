"""Command line: ``python -m analysis COMMAND [options]``.

Each command lives in the module that owns its logic and exposes ``cli(argv) -> int``;
this file only maps command names to those functions, importing them lazily.
"""

from __future__ import annotations

import importlib
import sys

COMMANDS: dict[str, tuple[str, str]] = {
    "run-notebooks": ("analysis.notebooks", "Execute notebooks in place, deterministically"),
    "check-fresh": ("analysis.freshness", "Fail when committed notebooks or figures are stale"),
    "quotes": ("analysis.quotes", "Print the quotes of a corpus (one JSON object per quote)"),
    "stance": ("analysis.stance", "Print holder x target stance of a corpus"),
    "validate-quotes": ("analysis.quote_validation", "Score quotes against hand annotations"),
    "validate-sentiment": ("analysis.sentiment_validation", "Score sentiment against labels"),
    "validate-stance": ("analysis.stance_model", "Train and score the supervised stance model"),
    "validate-stance-rules": ("analysis.stance_validation", "Score stance rules on gold pairs"),
    "report": ("analysis.report", "Execute notebooks on a corpus and export HTML reports"),
}


def main(argv: list[str] | None = None) -> int:
    """Dispatch ``argv[0]`` to its module's ``cli`` function."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in {"-h", "--help"} or argv[0] not in COMMANDS:
        width = max(map(len, COMMANDS))
        print("usage: python -m analysis COMMAND [options]\n\ncommands:")
        for name, (_, summary) in COMMANDS.items():
            print(f"  {name:<{width}}  {summary}")
        return 0 if argv[:1] in ([], ["-h"], ["--help"]) else 2
    module = importlib.import_module(COMMANDS[argv[0]][0])
    return int(module.cli(argv[1:]) or 0)


if __name__ == "__main__":
    sys.exit(main())

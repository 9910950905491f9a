"""The words click says itself (usage, --help, errors, prompts), listed so the catalog has them.

They are in click's code, not Quipu's, and `make messages` extracts only Quipu's: so each is
written here again, marked as Quipu's messages are (`_l`, `_n` where click has a plural), and
reaches the catalog and its Spanish the usual way. Nothing reads this list at run time: click asks
for its words in English and cli_language.speak_click answers from the catalog. The words are
click's exactly, `{name}` holes and all; tests/test_cli_help.py checks this list holds every word
the installed click marks for translation, so a click that says something new fails it.
Last come three words click shows without marking them: the usage's [OPTIONS] and COMMAND
[ARGS]..., and an option's [required] (translated by cli_language's Spoken attributes and by
click's `_(extra["required"])`).
"""

from __future__ import annotations

from .i18n import _l, _n

WORDS = [
    # core.py, formatting.py, decorators.py: usage and --help
    _l("Usage:"), _l("Options"), _l("Positional arguments"), _l("Commands"),
    _l("Show this message and exit."), _l("Show the version and exit."),
    _l("%(prog)s, version %(version)s"), _l("Confirm the action without prompting."),
    _l("Do you want to continue?"), _l("env var: {var}"), _l("default: {default}"),
    _l("(dynamic)"), _l("deprecated"),
    _l("DeprecationWarning: The command {name!r} is deprecated.{extra_message}"),
    _l("DeprecationWarning: The {param_type} {name!r} is deprecated.{extra_message}"),
    # core.py, exceptions.py, parser.py: a command line click cannot take
    _l("Aborted!"), _l("Error: {message}"), _l("Try '{command} {option}' for help."),
    _l("Missing command."), _l("Missing argument"), _l("Missing option"), _l("Missing parameter"),
    _l("Missing {param_type}"), _l("Missing parameter: {param_name}"),
    _l("No such option {name!r}."), _l("No such command {name!r}."),
    _n("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)", 1),
    _n("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})", 1),
    _l("Invalid value: {message}"), _l("Invalid value for {param_hint}: {message}"),
    _l("Value must be an iterable."),
    _n("Takes {nargs} values but 1 was given.", "Takes {nargs} values but {len} were given.", 1),
    _l("Invalid start character for option ({option})"),
    _l("Argument {name!r} takes {nargs} values."), _l("Option {name!r} does not take a value."),
    _n("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments.", 1),
    _l("unknown error"), _l("Could not open file {filename!r}: {message}"),
    # core.py: a command written wrong (said to whoever writes one)
    _l("Name '{name}' defined twice"),
    _l("Boolean option {decl!r} cannot use the same flag for true/false."),
    _l("Could not determine name for option with declarations {decls!r}"),
    _l("No options defined but a name was passed ({name}). Did you mean to declare an argument "
       "instead? Did you mean to pass '--{name}'?"),
    _l("Arguments take exactly one parameter declaration, got {length}: {decls}."),
    # types.py: a value click cannot take
    _l("Choose from:\n\t{choices}"),
    _n("{value!r} is not {choice}.", "{value!r} is not one of {choices}.", 1),
    _l("Choice({choices})"),
    _n("{value!r} does not match the format {format}.",
       "{value!r} does not match the formats {formats}.", 1),
    _l("{value!r} is not a valid {number_type}."), _l("{value} is not in the range {range}."),
    _l("{value!r} is not a valid boolean. Recognized values: {states}"),
    _l("{value!r} is not a valid UUID."), _l("file"), _l("directory"), _l("path"),
    _l("{name} {filename!r} does not exist."), _l("{name} {filename!r} is a file."),
    _l("{name} {filename!r} is a directory."), _l("{name} {filename!r} is not readable."),
    _l("{name} {filename!r} is not writable."), _l("{name} {filename!r} is not executable."),
    _n("{len_type} values are required, but {len_value} was given.",
       "{len_type} values are required, but {len_value} were given.", 1),
    # termui.py, _termui_impl.py, _winconsole.py, utils.py, shell_completion.py
    _l("Repeat for confirmation"), _l("Error: The two entered values do not match."),
    _l("Error: invalid input"), _l("Press any key to continue..."), _l("Unknown color {colour!r}"),
    _l("d"), _l("{editor}: Editing failed"), _l("{editor}: Editing failed: {e}"),
    _l("Windows error: {error}"), _l("Unknown standard stream '{name}'"),
    _l("Shell completion is not supported for Bash versions older than 4.4."),
    _l("Couldn't detect Bash version, shell completion is not supported."),
    # not marked by click
    _l("[OPTIONS]"), _l("COMMAND [ARGS]..."), _l("required"),
]

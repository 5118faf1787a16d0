"""Plain-Python core: identifiers, enumerations, rules and errors. No I/O, no Qt."""

# Standard input has no name to take the language from.
printf 'Hello.' | tmconv segment

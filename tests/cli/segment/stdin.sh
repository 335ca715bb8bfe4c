# With no FILE standard input is read; --lang says its language.
printf 'Dr. Smith arrived. He spoke.' | tmconv segment --lang=en

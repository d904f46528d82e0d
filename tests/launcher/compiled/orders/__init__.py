"""Orders: a small package compiled with the program."""

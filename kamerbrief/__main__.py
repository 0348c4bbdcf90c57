from kamerbrief.cli import main

main()

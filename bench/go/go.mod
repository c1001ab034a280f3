module goccbench

go 1.19

// echo_server: the server side of the "echo" benchmark, twin of
// bench/echo_server.gc.  Both are driven by the same load client,
// bench/go/echo_client (bench/run.sh).
//
//	echo_server [PORT]
//
// Listens on 127.0.0.1:PORT (default 0: the kernel picks one), prints the
// port on the first line of standard output, then serves until it is
// killed or its standard input reaches end of file.  One goroutine per
// connection reads 64-byte messages (io.ReadFull) and writes each one back.
package main

import (
	"fmt"
	"io"
	"net"
	"os"
	"time"
)

const msg = 64

func serve(c net.Conn) {
	defer c.Close()
	var buf [msg]byte
	for {
		if _, err := io.ReadFull(c, buf[:]); err != nil {
			return
		}
		if _, err := c.Write(buf[:]); err != nil {
			return
		}
	}
}

func main() {
	port := "0"
	if len(os.Args) > 1 {
		port = os.Args[1]
	}
	ln, err := net.Listen("tcp", "127.0.0.1:"+port)
	if err != nil {
		fmt.Fprintln(os.Stderr, "echo_server:", err)
		os.Exit(1)
	}
	fmt.Println(ln.Addr().(*net.TCPAddr).Port)

	go func() { // end of file on standard input stops the server
		io.Copy(io.Discard, os.Stdin)
		os.Exit(0)
	}()
	for {
		c, err := ln.Accept()
		if err != nil {
			if ne, ok := err.(net.Error); ok && ne.Temporary() {
				time.Sleep(10 * time.Millisecond) // e.g. out of descriptors
				continue
			}
			fmt.Fprintln(os.Stderr, "echo_server:", err)
			os.Exit(1)
		}
		go serve(c)
	}
}

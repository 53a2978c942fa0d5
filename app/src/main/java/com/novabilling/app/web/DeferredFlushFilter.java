package com.novabilling.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Lets Tomcat send an answer that fits its buffer in one write, with {@code Content-Length}. Spring's message
 * converters flush the output stream (and, for a {@code ResponseEntity}, the response buffer) after writing a body;
 * that flush commits the response before it is complete, so Tomcat sends it chunked and writes the closing chunk
 * separately. Here both flushes do nothing:
 * the response is sent when the request ends, or as the buffer fills (a large body still streams, chunked).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class DeferredFlushFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            private ServletOutputStream stream;

            @Override
            public ServletOutputStream getOutputStream() throws IOException {
                if (stream == null) {
                    stream = new FlushDeferringStream(super.getOutputStream());
                }
                return stream;
            }

            @Override
            public void flushBuffer() {
                // Spring flushes a ResponseEntity's answer this way: sent when the request ends instead
            }
        });
    }

    private static final class FlushDeferringStream extends ServletOutputStream {
        private final ServletOutputStream delegate;

        FlushDeferringStream(ServletOutputStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public void write(int b) throws IOException {
            delegate.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            delegate.write(b, off, len);
        }

        @Override
        public void flush() {
            // sent when the request ends (or when Tomcat's buffer is full)
        }

        @Override
        public void close() throws IOException {
            delegate.close();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            delegate.setWriteListener(listener);
        }
    }
}

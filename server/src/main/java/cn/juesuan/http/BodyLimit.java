package cn.juesuan.http;

import cn.juesuan.core.JuesuanException;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.io.IOException;

/**
 * The request size limit for bodies sent without a Content-Length (chunked): Javalin checks only the declared length,
 * so such a body would be read into memory whole. Reading past the limit fails with 413 too_large. Multipart uploads
 * are limited by Jetty's multipart settings; bodies with a length by Javalin.
 */
final class BodyLimit implements Filter {
    private final ServerConfig config;

    BodyLimit(ServerConfig config) {
        this.config = config;
    }

    static JuesuanException tooLarge(ServerConfig config) {
        return new JuesuanException("too_large", 413, "上传内容过大：上限为 " + config.maxRequestText()
                + "。服务管理员可用 --max-upload-mb 调整。");
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && http.getContentLengthLong() < 0
                && !String.valueOf(http.getContentType()).startsWith("multipart/")) {
            request = new Limited(http, config);
        }
        chain.doFilter(request, response);
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final ServerConfig config;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, ServerConfig config) {
            super(request);
            this.config = config;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                long max = config.maxRequestBytes();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        count(b < 0 ? 0 : 1);
                        return b;
                    }

                    @Override
                    public int read(byte[] buf, int off, int len) throws IOException {
                        int n = in.read(buf, off, len);
                        count(Math.max(n, 0));
                        return n;
                    }

                    private void count(int n) {
                        read += n;
                        if (read > max) {
                            throw tooLarge(config);
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}

package cn.juesuan.core;

/**
 * An error the user can act on: a stable code, a Chinese message and the HTTP status that goes with it.
 * CLI prints the message and exits 2; HTTP answers {code, message} with the status.
 */
public class JuesuanException extends RuntimeException {
    private final String code;
    private final int status;

    public JuesuanException(String code, int status, String message) {
        super(message);
        this.code = code;
        this.status = status;
    }

    public JuesuanException(String code, int status, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.status = status;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    public static JuesuanException badRequest(String code, String message) {
        return new JuesuanException(code, 400, message);
    }

    public static JuesuanException notFound(String code, String message) {
        return new JuesuanException(code, 404, message);
    }

    public static JuesuanException unprocessable(String code, String message) {
        return new JuesuanException(code, 422, message);
    }
}

package cn.juesuan.http;

/** Body of every error response: a stable code and a Chinese message. */
public record ApiError(String code, String message) {
}

package cn.juesuan.http;

import cn.juesuan.core.Budget;
import cn.juesuan.core.JuesuanException;
import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The per-request limits of {@link ServerConfig.Limits}: at most maxConcurrent requests are worked on at once (more
 * get 503 busy at once, with Retry-After), and one request may take requestTimeout.
 *
 * <p>The handler runs on a worker thread under a {@link Budget} (cell limit, deadline); the server's thread waits for
 * it until the deadline and then answers 504 itself. POI cannot be interrupted, so the worker stops at its next
 * {@link Budget#checkTime()} (while reading cells, between tables); from the moment the request is answered the
 * worker's view of the request is cut off, so it can never write into a response that now belongs to another
 * request. Its permit comes back only when it has really stopped: the cap counts work, not answers.
 */
final class RequestGuard {
    private static final AtomicInteger THREADS = new AtomicInteger();
    static final String RETRY_AFTER_SECONDS = "5";

    private final ServerConfig.Limits limits;
    private final Semaphore permits;
    private final ExecutorService workers;

    RequestGuard(ServerConfig.Limits limits) {
        this.limits = limits;
        this.permits = new Semaphore(limits.maxConcurrent());
        // permits bound the tasks; idle workers go after 10 s
        this.workers = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 10, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "juesuan-work-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    Handler guard(Handler handler) {
        return ctx -> handle(ctx, handler);
    }

    void shutdown() {
        workers.shutdownNow();
    }

    private void handle(Context ctx, Handler handler) throws Exception {
        if (!permits.tryAcquire()) {
            throw busy();
        }
        Budget budget = new Budget(limits.maxCells(), limits.requestTimeout());
        Detachable view = new Detachable(ctx);
        Future<?> done;
        try {
            done = workers.submit(() -> {
                try {
                    return Budget.call(budget, () -> {
                        handler.handle(view.context);
                        return null;
                    });
                } finally {
                    permits.release();
                }
            });
        } catch (RejectedExecutionException e) {
            permits.release();
            throw busy();
        }
        try {
            done.get(limits.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            budget.cancel();
            view.detach();
            throw budget.timedOut();
        } catch (InterruptedException e) {
            budget.cancel();
            view.detach();
            Thread.currentThread().interrupt();
            throw budget.timedOut();
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        }
    }

    private JuesuanException busy() {
        return new JuesuanException("busy", 503, "服务器正忙：同时处理的请求已达上限（" + limits.maxConcurrent()
                + " 个），请 " + RETRY_AFTER_SECONDS + " 秒后再试。服务管理员可用 --max-concurrent 调整。");
    }

    private static Exception unwrap(Throwable t) {
        while ((t instanceof UndeclaredThrowableException || t instanceof InvocationTargetException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof Exception e) {
            return e;
        }
        return new IllegalStateException("request worker failed", t); // an Error: logged as 500
    }

    /**
     * The request as the worker sees it: the real context until {@link #detach()}, then nothing. Every call holds
     * the read lock, so detaching waits for a call under way and no call starts after it.
     */
    private static final class Detachable implements InvocationHandler {
        private final Context real;
        private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        private boolean detached;
        final Context context;

        Detachable(Context real) {
            this.real = real;
            this.context = (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[]{Context.class}, this);
        }

        void detach() {
            lock.writeLock().lock();
            try {
                detached = true;
            } finally {
                lock.writeLock().unlock();
            }
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "request view of " + real;
                };
            }
            lock.readLock().lock();
            try {
                if (detached) {
                    throw new CancellationException("the request was already answered (time limit)");
                }
                Object result = method.invoke(real, args);
                return result == real ? context : result; // fluent calls stay on the view
            } catch (InvocationTargetException e) {
                throw e.getCause();
            } finally {
                lock.readLock().unlock();
            }
        }
    }
}

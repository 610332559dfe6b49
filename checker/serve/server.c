/*
 * server: mtlint over HTTP with libmicrohttpd (see server.h).
 *
 * libmicrohttpd's thread reads requests and writes answers.  A request to
 * check is parsed there, then becomes a job: the connection is suspended
 * and the job queued for the workers of jobs.c, which resume the
 * connection when the answer is ready (or the time is up); its handler
 * here then sends the answer.
 */
#include "serve/server.h"

#include <errno.h>
#include <netdb.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <arpa/inet.h>
#include <microhttpd.h>

#include "report/review.h"
#include "serve/answer.h"
#include "serve/form.h"
#include "serve/jobs.h"
#include "serve/lt.h"
#include "util/batch.h"
#include "util/xalloc.h"

/* One request's state, from its first byte to its answer. */
struct request {
	struct server *srv;
	int route;
	char *method, *url, *version, *referer, *agent;
	char client[64];
	struct form form;
	struct MHD_PostProcessor *pp;
	size_t body_len;
	int too_large, bad_form;
	struct job *job;
	unsigned status; /* answered with */
	size_t sent;	 /* body bytes */
};

/* --- small helpers ------------------------------------------------------- */

/* A header value kept for the access log: at most 256 bytes, quotes,
 * backslashes and control bytes escaped as Apache does (\xhh). */
static char *log_field(const char *s)
{
	static const char hex[] = "0123456789abcdef";
	struct buf b = BUF_INIT;

	if (!s)
		return NULL;
	for (size_t i = 0; s[i] && b.len < 256; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x20 || c == 0x7f || c == '"' || c == '\\') {
			buf_adds(&b, "\\x");
			buf_addc(&b, hex[c >> 4]);
			buf_addc(&b, hex[c & 15]);
		} else {
			buf_addc(&b, (char)c);
		}
	}
	return buf_detach(&b, NULL);
}

static void access_log(struct server *srv, const struct request *r)
{
	char when[64];
	struct tm tm;
	time_t now = time(NULL);

	if (!srv->o.access_log || !r->status)
		return;
	gmtime_r(&now, &tm);
	strftime(when, sizeof(when), "%d/%b/%Y:%H:%M:%S +0000", &tm);
	pthread_mutex_lock(&srv->log_lock);
	fprintf(srv->o.access_log, "%s - - [%s] \"%s %s %s\" %u %zu \"%s\" "
				   "\"%s\"\n",
		r->client, when, r->method, r->url, r->version, r->status,
		r->sent, r->referer ? r->referer : "-",
		r->agent ? r->agent : "-");
	fflush(srv->o.access_log);
	pthread_mutex_unlock(&srv->log_lock);
}

static void client_address(struct MHD_Connection *conn, char *out,
			   size_t size)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(
		conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	const struct sockaddr *sa = ci ? ci->client_addr : NULL;

	snprintf(out, size, "-");
	if (sa && sa->sa_family == AF_INET)
		inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr,
			  out, (socklen_t)size);
	else if (sa && sa->sa_family == AF_INET6)
		inet_ntop(AF_INET6,
			  &((const struct sockaddr_in6 *)sa)->sin6_addr, out,
			  (socklen_t)size);
}

/* Queue `body` (taken over; free()d by libmicrohttpd) as the answer. */
static enum MHD_Result send_body(struct request *r,
				 struct MHD_Connection *conn, unsigned status,
				 char *body, size_t len, const char *type,
				 int close)
{
	struct MHD_Response *resp = MHD_create_response_from_buffer(
		len, body, MHD_RESPMEM_MUST_FREE);
	enum MHD_Result ok;

	if (!resp) {
		free(body);
		return MHD_NO;
	}
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, type);
	if (status == 503)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_RETRY_AFTER, "1");
	if (close)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_CONNECTION,
					"close");
	ok = MHD_queue_response(conn, status, resp);
	MHD_destroy_response(resp);
	r->status = status;
	r->sent = len;
	return ok;
}

#define JSON_TYPE ANSWER_JSON

static enum MHD_Result send_error(struct request *r,
				  struct MHD_Connection *conn,
				  unsigned status, const char *msg)
{
	size_t len;
	char *body = answer_error_body(status, msg, &len);

	return send_body(r, conn, status, body, len, JSON_TYPE,
			 status == 413 || r->srv->stopping);
}

/* --- jobs ----------------------------------------------------------------- */

/* Queue the request's check; 503 when the queue is full or the server
 * is stopping (-1: the answer is sent). */
static int enqueue(struct server *srv, struct request *r,
		   struct MHD_Connection *conn, enum answer_kind kind)
{
	struct job *j = xcalloc(1, sizeof(*j));

	if (answer_prepare(&j->a, kind, &r->form, srv->fallback) != 0) {
		send_body(r, conn, j->a.status, j->a.body, j->a.len,
			  j->a.content_type, srv->stopping);
		j->a.body = NULL;
		answer_release(&j->a);
		free(j);
		return -1;
	}
	j->conn = conn;
	j->language = j->a.lt.language;
	timespec_after(&j->deadline, srv->o.timeout);
	pthread_mutex_lock(&srv->lock);
	if (srv->stopping || srv->queued >= srv->max_queue) {
		int stopping = srv->stopping;

		pthread_mutex_unlock(&srv->lock);
		answer_release(&j->a);
		free(j);
		send_error(r, conn, 503,
			   stopping ? "the server is shutting down"
				    : "too many requests waiting; try again");
		return -1;
	}
	j->refs = 2;
	if (srv->tail)
		srv->tail->next = j;
	else
		srv->head = j;
	srv->tail = j;
	srv->queued++;
	j->next_live = srv->live;
	if (srv->live)
		srv->live->prev_live = j;
	srv->live = j;
	r->job = j;
	MHD_suspend_connection(conn);
	pthread_cond_signal(&srv->work);
	pthread_mutex_unlock(&srv->lock);
	return 0;
}

/* --- routes --------------------------------------------------------------- */

enum route_kind {
	ROUTE_LT_CHECK,
	ROUTE_V1_CHECK,
	ROUTE_LANGUAGES,
	ROUTE_HEALTH,
	ROUTE_PAGE,
};

static const struct route {
	const char *path;
	enum route_kind kind;
	int post; /* takes POST (every route takes GET and HEAD) */
} routes[] = {
	{ "/v2/check", ROUTE_LT_CHECK, 1 },
	{ "/v1/check", ROUTE_V1_CHECK, 1 },
	{ "/v2/languages", ROUTE_LANGUAGES, 0 },
	{ "/healthz", ROUTE_HEALTH, 0 },
	{ "/", ROUTE_PAGE, 0 },
};

static enum MHD_Result answer_now(struct request *r,
				  struct MHD_Connection *conn)
{
	struct server *srv = r->srv;
	size_t len;
	char *body;

	switch (routes[r->route].kind) {
	case ROUTE_LANGUAGES:
		body = lt_languages_answer(&len);
		return send_body(r, conn, 200, body, len, JSON_TYPE, 0);
	case ROUTE_HEALTH: {
		struct buf b = BUF_INIT;

		pthread_mutex_lock(&srv->lock);
		buf_addf(&b,
			 "{\"status\":\"%s\",\"version\":\"%s\","
			 "\"workers\":%zu,\"queued\":%zu,\"running\":%zu}",
			 srv->stopping ? "stopping" : "ok", MT_VERSION,
			 srv->n_workers, srv->queued, srv->running);
		pthread_mutex_unlock(&srv->lock);
		body = buf_detach(&b, &len);
		return send_body(r, conn, srv->stopping ? 503 : 200, body,
				 len, JSON_TYPE, srv->stopping);
	}
	case ROUTE_PAGE: {
		struct buf b = BUF_INIT;

		review_page(&b, "mtlint", NULL, "", 0, 1);
		body = buf_detach(&b, &len);
		return send_body(r, conn, 200, body, len, ANSWER_HTML, 0);
	}
	default:
		MT_BUG("route %d answered at once", r->route);
	}
}

static enum MHD_Result add_arg(void *cls, enum MHD_ValueKind kind,
			       const char *key, const char *value)
{
	struct request *r = cls;

	(void)kind;
	if (form_append(&r->form, key, 0, value ? value : "",
			value ? strlen(value) : 0) != 0)
		r->bad_form = 1;
	return MHD_YES;
}

static enum MHD_Result on_post_data(void *cls, enum MHD_ValueKind kind,
				    const char *key, const char *filename,
				    const char *content_type,
				    const char *transfer_encoding,
				    const char *data, uint64_t off,
				    size_t size)
{
	struct request *r = cls;

	(void)kind;
	(void)filename;
	(void)content_type;
	(void)transfer_encoding;
	if (form_append(&r->form, key, (size_t)off, data, size) != 0) {
		r->bad_form = 1;
		return MHD_NO;
	}
	return MHD_YES;
}

static struct request *request_new(struct server *srv,
				   struct MHD_Connection *conn,
				   const char *url, const char *method,
				   const char *version)
{
	struct request *r = xcalloc(1, sizeof(*r));

	r->srv = srv;
	r->route = -1;
	r->method = log_field(method);
	r->url = log_field(url);
	r->version = log_field(version);
	r->referer = log_field(MHD_lookup_connection_value(
		conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_REFERER));
	r->agent = log_field(MHD_lookup_connection_value(
		conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_USER_AGENT));
	client_address(conn, r->client, sizeof(r->client));
	form_init(&r->form);
	for (size_t i = 0; i < ARRAY_SIZE(routes); i++)
		if (!strcmp(url, routes[i].path))
			r->route = (int)i;
	return r;
}

/* The first call for a request: route it, refuse what is refused on
 * its headers alone, and prepare to read the body. */
static enum MHD_Result request_start(struct request *r,
				     struct MHD_Connection *conn,
				     const char *method)
{
	struct server *srv = r->srv;
	int get = !strcmp(method, "GET") || !strcmp(method, "HEAD");
	int post = !strcmp(method, "POST");
	const char *clen = MHD_lookup_connection_value(
		conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
	const char *ctype = MHD_lookup_connection_value(
		conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);

	if (r->route < 0)
		return send_error(r, conn, 404, "no such path (POST "
						"/v2/check, GET /v2/languages, "
						"POST /v1/check, GET /healthz, "
						"GET /)");
	if (!get && !(post && routes[r->route].post))
		return send_error(r, conn, 405, "method not allowed here");
	if (clen && strtoull(clen, NULL, 10) > srv->o.max_request) {
		char msg[128];

		snprintf(msg, sizeof(msg),
			 "request body over the limit of %zu bytes",
			 srv->o.max_request);
		return send_error(r, conn, 413, msg);
	}
	MHD_get_connection_values(conn, MHD_GET_ARGUMENT_KIND, add_arg, r);
	if (post && ctype) {
		r->pp = MHD_create_post_processor(conn, 64 * 1024,
						  on_post_data, r);
		if (!r->pp)
			return send_error(r, conn, 415,
					  "the body must be a form "
					  "(application/x-www-form-urlencoded "
					  "or multipart/form-data)");
	}
	return MHD_YES;
}

/* Body bytes: into the form, or counted and dropped once over the limit
 * (a body without Content-Length; 4 times the limit closes the
 * connection). */
static enum MHD_Result request_body(struct request *r, const char *data,
				    size_t *size)
{
	struct server *srv = r->srv;

	r->body_len += *size;
	if (r->body_len > srv->o.max_request)
		r->too_large = 1;
	if (!r->too_large && !r->bad_form && r->pp &&
	    MHD_post_process(r->pp, data, *size) != MHD_YES)
		r->bad_form = 1;
	*size = 0;
	return r->body_len / 4 > srv->o.max_request ? MHD_NO : MHD_YES;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn,
				  const char *url, const char *method,
				  const char *version,
				  const char *upload_data,
				  size_t *upload_data_size, void **con_cls)
{
	struct server *srv = cls;
	struct request *r = *con_cls;

	if (!r) {
		r = request_new(srv, conn, url, method, version);
		*con_cls = r;
		return request_start(r, conn, method);
	}
	if (*upload_data_size)
		return request_body(r, upload_data, upload_data_size);
	if (r->job) { /* resumed: the answer is ready, or time ran out */
		struct job *j = r->job;
		enum MHD_Result ok;

		pthread_mutex_lock(&srv->lock);
		if (j->timed_out) {
			pthread_mutex_unlock(&srv->lock);
			ok = send_error(r, conn, 503,
					"the check took too long (over the "
					"server's time limit)");
		} else {
			char *body = j->a.body;

			j->a.body = NULL;
			pthread_mutex_unlock(&srv->lock);
			ok = send_body(r, conn, j->a.status, body, j->a.len,
				       j->a.content_type, 0);
		}
		pthread_mutex_lock(&srv->lock);
		r->job = NULL;
		job_unref(j);
		pthread_mutex_unlock(&srv->lock);
		return ok;
	}
	if (r->pp) {
		MHD_destroy_post_processor(r->pp);
		r->pp = NULL;
	}
	if (r->too_large) {
		char msg[128];

		snprintf(msg, sizeof(msg),
			 "request body over the limit of %zu bytes",
			 srv->o.max_request);
		return send_error(r, conn, 413, msg);
	}
	if (r->bad_form)
		return send_error(r, conn, 400,
				  "malformed form body (or more than 64 "
				  "parameters)");
	switch (routes[r->route].kind) {
	case ROUTE_LT_CHECK:
		enqueue(srv, r, conn, ANSWER_LT);
		return MHD_YES;
	case ROUTE_V1_CHECK:
		enqueue(srv, r, conn, ANSWER_V1);
		return MHD_YES;
	default:
		return answer_now(r, conn);
	}
}

static void on_completed(void *cls, struct MHD_Connection *conn,
			 void **con_cls, enum MHD_RequestTerminationCode toe)
{
	struct server *srv = cls;
	struct request *r = *con_cls;

	(void)conn;
	(void)toe;
	if (!r)
		return;
	access_log(srv, r);
	if (r->pp)
		MHD_destroy_post_processor(r->pp);
	if (r->job) { /* closed before its answer was sent */
		pthread_mutex_lock(&srv->lock);
		job_unref(r->job);
		pthread_mutex_unlock(&srv->lock);
	}
	form_release(&r->form);
	free(r->method);
	free(r->url);
	free(r->version);
	free(r->referer);
	free(r->agent);
	free(r);
	*con_cls = NULL;
}

/* libmicrohttpd's own complaints go to the log. */
static void on_mhd_log(void *cls, const char *fmt, va_list ap)
{
	struct server *srv = cls;

	pthread_mutex_lock(&srv->log_lock);
	fputs("mtlint: serve: ", srv->o.log);
	vfprintf(srv->o.log, fmt, ap);
	pthread_mutex_unlock(&srv->log_lock);
}

/* --- start and stop -------------------------------------------------------- */

/* "ADDR:PORT", "[V6ADDR]:PORT" or "HOST:PORT" -> a socket address. */
static enum mt_err parse_listen(const char *spec, struct sockaddr_storage *ss,
				socklen_t *len, struct mt_error *err)
{
	char host[256];
	const char *colon = strrchr(spec, ':'), *h = spec;
	size_t hlen;
	struct addrinfo hints = { 0 }, *ai = NULL;
	int rc;

	if (!colon || !colon[1])
		return mt_error(err, MT_ERR_USAGE,
				"--listen takes ADDR:PORT, not '%s'", spec);
	hlen = (size_t)(colon - spec);
	if (hlen >= 2 && spec[0] == '[' && spec[hlen - 1] == ']') {
		h++;
		hlen -= 2;
	}
	if (hlen == 0 || hlen >= sizeof(host))
		return mt_error(err, MT_ERR_USAGE,
				"--listen takes ADDR:PORT, not '%s'", spec);
	memcpy(host, h, hlen);
	host[hlen] = '\0';
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_NUMERICSERV | AI_PASSIVE;
	rc = getaddrinfo(host, colon + 1, &hints, &ai);
	if (rc != 0 || !ai)
		return mt_error(err, MT_ERR_USAGE,
				"--listen '%s': %s", spec,
				rc ? gai_strerror(rc) : "no address");
	memcpy(ss, ai->ai_addr, ai->ai_addrlen);
	*len = ai->ai_addrlen;
	freeaddrinfo(ai);
	return MT_ERR_OK;
}

static void free_server(struct server *srv)
{
	for (size_t i = 0; i < N_LANGUAGES; i++)
		session_free(srv->sessions[i]);
	pthread_mutex_destroy(&srv->lock);
	pthread_mutex_destroy(&srv->log_lock);
	pthread_cond_destroy(&srv->work);
	pthread_cond_destroy(&srv->idle);
	pthread_cond_destroy(&srv->tick);
	free(srv->workers);
	free(srv->listen);
	free(srv);
}

static enum mt_err server_start(const struct serve_options *o,
				struct server **out, struct mt_error *err)
{
	struct server *srv = xcalloc(1, sizeof(*srv));
	struct sockaddr_storage ss;
	socklen_t sslen;
	const union MHD_DaemonInfo *info;
	enum mt_err rc;
	size_t n_lang;

	*out = NULL;
	srv->o = *o;
	if (!srv->o.log)
		srv->o.log = stderr;
	srv->listen = xstrdup(o->listen ? o->listen : SERVE_DEFAULT_LISTEN);
	srv->n_workers = o->workers ? o->workers : batch_cpus();
	srv->max_queue = o->max_queue ? o->max_queue
				      : SERVE_QUEUE_PER_WORKER * srv->n_workers;
	if (!srv->o.max_request)
		srv->o.max_request = SERVE_MAX_REQUEST;
	if (!srv->o.timeout)
		srv->o.timeout = SERVE_TIMEOUT;
	pthread_mutex_init(&srv->lock, NULL);
	pthread_mutex_init(&srv->log_lock, NULL);
	pthread_cond_init(&srv->work, NULL);
	pthread_cond_init(&srv->idle, NULL);
	pthread_cond_init(&srv->tick, NULL);
	srv->resume = MHD_resume_connection;
	srv->fallback = o->so.co.lang ? lt_language_of(o->so.co.lang)
				      : lt_languages(&n_lang);
	if (!srv->fallback) {
		rc = mt_error(err, MT_ERR_USAGE,
			      "mtlint serve answers en_US and en_GB, not "
			      "'%s'",
			      o->so.co.lang);
		goto fail;
	}
	rc = parse_listen(srv->listen, &ss, &sslen, err);
	if (rc != MT_ERR_OK)
		goto fail;
	rc = jobs_warm_up(srv, err);
	if (rc != MT_ERR_OK)
		goto fail;
	jobs_start(srv);
	srv->daemon = MHD_start_daemon(
		MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL |
			MHD_ALLOW_SUSPEND_RESUME | MHD_USE_ERROR_LOG |
			(ss.ss_family == AF_INET6 ? MHD_USE_IPv6 : 0),
		0, NULL, NULL, on_request, srv, MHD_OPTION_EXTERNAL_LOGGER,
		on_mhd_log, srv, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
		MHD_OPTION_CONNECTION_LIMIT, (unsigned)SERVE_MAX_CONNECTIONS,
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)SERVE_IDLE_TIMEOUT,
		MHD_OPTION_NOTIFY_COMPLETED, on_completed, srv,
		MHD_OPTION_LISTEN_BACKLOG_SIZE, 1024u, MHD_OPTION_END);
	if (!srv->daemon) {
		rc = mt_error(err, MT_ERR_IO, "cannot listen on %s: %s",
			      srv->listen, strerror(errno));
		jobs_stop(srv);
		goto fail;
	}
	info = MHD_get_daemon_info(srv->daemon, MHD_DAEMON_INFO_BIND_PORT);
	srv->port = info ? info->port : 0;
	*out = srv;
	return MT_ERR_OK;
fail:
	free_server(srv);
	return rc;
}

static unsigned server_port(const struct server *s)
{
	return s->port;
}

static void server_stop(struct server *srv)
{
	MHD_socket fd;
	struct timespec until;

	if (!srv)
		return;
	/* no new connections; requests on open ones get 503 */
	fd = MHD_quiesce_daemon(srv->daemon);
	if (fd != MHD_INVALID_SOCKET)
		close(fd);
	pthread_mutex_lock(&srv->lock);
	srv->stopping = 1;
	while (srv->live || srv->queued || srv->running)
		pthread_cond_wait(&srv->idle, &srv->lock);
	pthread_mutex_unlock(&srv->lock);
	/* the answers of resumed connections go out; idle keep-alive
	 * connections are closed after at most a second */
	timespec_after(&until, 1);
	for (;;) {
		const union MHD_DaemonInfo *info = MHD_get_daemon_info(
			srv->daemon, MHD_DAEMON_INFO_CURRENT_CONNECTIONS);

		if (!info || info->num_connections == 0 ||
		    timespec_passed(&until))
			break;
		usleep(10 * 1000);
	}
	MHD_stop_daemon(srv->daemon);
	jobs_stop(srv);
	free_server(srv);
}

int serve_main(const struct serve_options *o)
{
	struct server *srv;
	struct mt_error err = { 0 };
	FILE *log = o->log ? o->log : stderr;
	sigset_t set;
	int sig;

	/* the signals are taken by sigwait() here, never by a thread */
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);
	if (server_start(o, &srv, &err) != MT_ERR_OK) {
		fprintf(log, "mtlint: error: %s\n", err.msg);
		return 2;
	}
	fprintf(log, "mtlint: listening on http://%.*s:%u/\n",
		(int)(strrchr(srv->listen, ':') - srv->listen), srv->listen,
		server_port(srv));
	fflush(log);
	sigwait(&set, &sig);
	fprintf(log, "mtlint: %s: finishing the requests in hand\n",
		sig == SIGTERM ? "SIGTERM" : "SIGINT");
	fflush(log);
	server_stop(srv);
	fprintf(log, "mtlint: stopped\n");
	return 0;
}

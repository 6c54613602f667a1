/**
 * The HTTP adapter on Javalin 7: the application factory ({@link io.erpcore.adapter.http.JavalinApplication}),
 * the request chain of DESIGN section 4 as small named steps, the operational endpoints, the
 * request-scoped tenant context and the one mapper from exceptions to RFC 9457 problem answers.
 */
package io.erpcore.adapter.http;

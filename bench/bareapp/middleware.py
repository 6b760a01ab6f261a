from django.db import connections


class QueryCountMiddleware:
    """Counts the queries of each request on every connection (DEBUG off: connection.queries
    stays empty) and sends the count in an `X-Queries` header. Outermost, so that the session
    and the user are counted; a streamed body's queries would not be."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        count = 0

        def counting(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        wrappers = [connections[alias].execute_wrapper(counting) for alias in connections]
        for wrapper in wrappers:
            wrapper.__enter__()
        try:
            response = self.get_response(request)
        finally:
            for wrapper in reversed(wrappers):
                wrapper.__exit__(None, None, None)
        response["X-Queries"] = str(count)
        return response

package news.masthead.article;

import io.quarkus.panache.common.Parameters;

/** Appends optional filter clauses and their parameters to an HQL query. */
final class QueryBuilder {
    private final StringBuilder hql;
    private final Parameters params = new Parameters();

    QueryBuilder(String base) {
        this.hql = new StringBuilder(base);
    }

    QueryBuilder and(String clause) {
        hql.append(" and ").append(clause);
        return this;
    }

    QueryBuilder param(String name, Object value) {
        params.and(name, value);
        return this;
    }

    String hql() {
        return hql.toString();
    }

    Parameters params() {
        return params;
    }
}

import { Navigate, useLocation } from 'react-router';

/**
 * Companies became customers with the same ids: an old `/companies/…` address (an emailed link, a
 * bookmark) opens the same record under `/customers/…`, query and fragment kept.
 */
export function CompaniesRedirect() {
  const location = useLocation();
  return <Navigate replace to={{ pathname: location.pathname.replace(/^\/companies/, '/customers'), search: location.search, hash: location.hash }} />;
}

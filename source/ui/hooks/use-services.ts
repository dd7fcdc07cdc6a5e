import {useContext} from 'react';
import {ServicesContext} from '../context.js';
import type {ExplorerServices} from '../services.js';

/** The explorer's services; throws when rendered outside the provider (a programming error). */
export function useServices(): ExplorerServices {
	const services = useContext(ServicesContext);
	if (!services) {
		throw new Error('useServices needs a ServicesContext provider');
	}

	return services;
}
